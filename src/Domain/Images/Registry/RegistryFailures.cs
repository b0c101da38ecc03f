using Portal.Contracts.Runs;
using Portal.Domain.Runs;

namespace Portal.Domain.Images.Registry;

/// <summary>
/// Turns a registry failure into the run's status code and a message that says which registry did what:
/// 113 the source image (or one of its blobs) is missing, 114 a login was refused, 115 the target refused
/// the repository name, 118 the target refused the push, 111 anything else (unreachable, corrupt, 5xx).
/// </summary>
internal sealed class RegistryFailures(ImageReference source, ImageTargets targets, RegistryLogin? sourceLogin, RegistryLogin? targetLogin)
{
    public ExportException ToExportException(RegistryException e)
    {
        var details = Describe(e);
        var (code, message) = e.Side.Role == RegistryRole.Source ? Source(e) : Target(e);
        return new ExportException(code, message, details, e);
    }

    private (StatusCode, string) Source(RegistryException e) => e.Failure switch
    {
        RegistryFailure.NotFound => (StatusCode.DockerImageNotFound, e.Operation.StartsWith("reading the manifest", StringComparison.Ordinal)
            ? $"The image {source} was not found in the Domino registry: {e.Reason}"
            : $"The image {source} is incomplete in the Domino registry ({e.Operation}): {e.Reason}"),
        RegistryFailure.LoginRefused => (StatusCode.DockerAuthenticationError,
            $"The Domino registry {e.Registry} refused the credentials of user '{sourceLogin?.Username}': {e.Reason}"),
        RegistryFailure.AccessDenied => (StatusCode.DockerAuthenticationError, $"The Domino registry refused access to {source}: {e.Reason}"),
        RegistryFailure.Corrupt => (StatusCode.DockerAPIError,
            $"The Domino registry sent {source} corrupted ({e.Operation}): {e.Reason}. Nothing was tagged."),
        _ => (StatusCode.DockerAPIError, $"The Domino registry {e.Registry} failed while {e.Operation}: {e.Reason}"),
    };

    private (StatusCode, string) Target(RegistryException e) => e.Failure switch
    {
        RegistryFailure.LoginRefused => (StatusCode.DockerAuthenticationError,
            $"The target registry {e.Registry} refused the credentials of user '{targetLogin?.Username}': {e.Reason}"),
        RegistryFailure.NameInvalid => (StatusCode.DockerInvalidRepository,
            $"The target registry {e.Registry} refused the repository name {targets.Version.Repository}: {e.Reason}"),
        RegistryFailure.AccessDenied or RegistryFailure.Unsupported or RegistryFailure.Refused or RegistryFailure.NotFound =>
            (StatusCode.DockerPushError, $"The target registry refused the push of {targets.Version} ({e.Operation}): {e.Reason}"),
        _ => (StatusCode.DockerAPIError, $"The target registry {e.Registry} failed while {e.Operation}: {e.Reason}"),
    };

    /// <summary>What an operator needs to dig further: the operation, the answer and the registry's error codes; never a credential.</summary>
    private static string Describe(RegistryException e)
    {
        var lines = new List<string> { $"{e.Side.Role} registry {e.Registry}: {e.Operation}", $"failure: {e.Failure}, {e.Reason}" };
        lines.AddRange(e.Errors.Select(x => $"registry error {x.Code}: {x.Message}"));
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException) lines.Add($"{inner.GetType().FullName}: {inner.Message}");
        return string.Join('\n', lines);
    }
}
