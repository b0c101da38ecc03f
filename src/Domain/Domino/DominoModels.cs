namespace Portal.Domain.Domino;

/// <summary>A Domino deployment: where its API is and whether its TLS certificate is checked.</summary>
public sealed record DominoConnection(Uri ApiUrl, bool VerifyTls = true);

/// <summary>Who Domino says an API key belongs to.</summary>
public sealed record DominoPrincipal(string? UserName, string? UserId, bool IsAnonymous, bool IsAdmin);

public sealed record DominoProject(string Id, string Name, string OwnerName, IReadOnlyList<string> AllowedOperations)
{
    public const string ChangeProjectSettings = "ChangeProjectSettings";

    /// <summary>The original's access rule: the key may export a project it may change the settings of.</summary>
    public bool CanExport => AllowedOperations.Contains(ChangeProjectSettings, StringComparer.Ordinal);
}

/// <summary>
/// A project as Domino's project list shows it. <see cref="CanExport"/> is null when the list carries no
/// permission fields (they vary by Domino version): unknown, to be judged with the project's own record.
/// </summary>
public sealed record DominoListedProject(string OwnerName, string Name, bool? CanExport);

public sealed record DominoCommit(string Id, DateTimeOffset CommitTime);

/// <summary>A file at a commit. <see cref="Key"/> is Domino's content-addressed blob id.</summary>
public sealed record DominoFile(string Path, string Key, long Size);

/// <summary>The compute environment a project currently uses.</summary>
public sealed record EnvironmentSelection(string EnvironmentId, int Revision);

public sealed record DominoEnvironment(string Id, string Name);

public sealed record EnvironmentRevision(int Number, string? DockerImageName);
