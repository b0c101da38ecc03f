using Portal.Domain.Domino;

namespace Portal.Domain.Images;

/// <summary>What an image export reads: a project's selected environment, or an environment's latest revision.</summary>
public abstract record ImageSource
{
    private ImageSource() { }

    /// <summary>The revision the project currently uses (project exports, as the original did).</summary>
    public sealed record Project(string OwnerName, string ProjectName) : ImageSource;

    /// <summary>The newest revision of one environment (environment exports).</summary>
    public sealed record Environment(string EnvironmentId) : ImageSource;
}

/// <summary>A registry and the login to use there. No user or password means no login (anonymous access).</summary>
public sealed record RegistryLogin(string Host, string? Username = null, string? Password = null)
{
    public bool HasCredentials => !string.IsNullOrEmpty(Username) && !string.IsNullOrEmpty(Password);

    // Records print every property; a password must never reach a log line.
    public override string ToString() => HasCredentials ? $"{Host} (as {Username})" : $"{Host} (anonymous)";
}

/// <summary>What the last successful export pushed; the skip rule compares the next run with it.</summary>
public sealed record ImageExportState(string EnvironmentId, int Revision, string Fingerprint);

/// <summary>One image export.</summary>
/// <param name="DominoRegistry">The registry Domino's images live in, with its login. Null: the host is taken from the
/// image name and no login is sent.</param>
/// <param name="Target">The registry images are pushed to.</param>
/// <param name="Template">The Dockerfile template's text (see <see cref="DockerTemplate"/>).</param>
/// <param name="LastState">What the last successful export pushed, or null if there was none.</param>
/// <param name="Force">Export even if nothing changed.</param>
/// <param name="Platform">Copy only this platform of a multi-platform image (<c>linux/amd64</c>); null copies the index and every platform.
/// The Docker engine path ignores it (the engine pulls its own platform).</param>
public sealed record ImageExportRequest(
    DominoConnection Domino,
    string ApiKey,
    ImageSource Source,
    RegistryLogin? DominoRegistry,
    RegistryLogin Target,
    string GroupName,
    string ProjectName,
    string Template,
    ImageExportState? LastState = null,
    bool Force = false,
    string? Platform = null)
{
    public override string ToString() =>
        $"ImageExportRequest {{ Source = {Source}, Target = {Target}/{GroupName}/{ProjectName}, Force = {Force} }}";
}
