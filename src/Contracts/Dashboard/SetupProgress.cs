namespace Portal.Contracts.Dashboard;

/// <summary>
/// How far the portal and the caller are set up, for the home page's checklist and the menu's badge. The admin steps
/// are false for people who are not admins (they are not theirs to take).
/// </summary>
public sealed record SetupProgress
{
    public bool IsAdmin { get; init; }

    /// <summary>A Domino deployment is connected.</summary>
    public bool HasDomino { get; init; }

    /// <summary>An S3 target passed its latest test (the Test button or the recurring health check).</summary>
    public bool HasTestedS3 { get; init; }

    /// <summary>The v1 API knows its Domino deployment and S3 target.</summary>
    public bool HasV1Settings { get; init; }

    /// <summary>Someone besides the admins has an approved account.</summary>
    public bool FirstUserApproved { get; init; }

    /// <summary>Sign-ups waiting for an admin (admins only; 0 otherwise).</summary>
    public int PendingUsers { get; init; }

    /// <summary>The caller stored a Domino API key.</summary>
    public bool HasDominoKey { get; init; }

    /// <summary>The caller owns an export (archived ones count: they were made).</summary>
    public bool HasExports { get; init; }

    public bool AdminDone => !IsAdmin || (HasDomino && HasTestedS3 && HasV1Settings && FirstUserApproved);

    public bool UserDone => HasDominoKey && HasExports;
}
