using System.Formats.Tar;
using System.Text;
using Docker.DotNet.Models;
using Portal.Contracts.Runs;
using Portal.Domain.Runs;

namespace Portal.Domain.Images.Engine;

// How the engine's operations talk to it: failures turned into coded errors, logins, the build context.
internal sealed partial class DockerEngine
{
    private static ExportException PullFailed(ImageReference image, string error, Exception? inner)
    {
        if (DockerFailures.IsNotFound(error))
            return new ExportException(StatusCode.DockerImageNotFound, $"The image {image} was not found in the Domino registry: {error}", inner is null ? null : DockerFailures.Describe(inner), inner);
        if (DockerFailures.IsAuthFailure(error))
            return new ExportException(StatusCode.DockerAuthenticationError, $"The Domino registry refused access to {image}: {error}", inner is null ? null : DockerFailures.Describe(inner), inner);
        return new ExportException(StatusCode.DockerAPIError, $"Pulling {image} failed: {error}", inner is null ? null : DockerFailures.Describe(inner), inner);
    }

    private static AuthConfig? ToAuth(RegistryLogin? login) => login is { HasCredentials: true }
        ? new AuthConfig { ServerAddress = login.Host, Username = login.Username, Password = login.Password }
        : null;

    private static async Task<MemoryStream> TarAsync(string name, string content, CancellationToken cancellationToken)
    {
        var stream = new MemoryStream();
        await using (var tar = new TarWriter(stream, TarEntryFormat.Ustar, leaveOpen: true))
        {
            var entry = new UstarTarEntry(TarEntryType.RegularFile, name)
            {
                Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
                DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)),
            };
            await tar.WriteEntryAsync(entry, cancellationToken);
        }
        stream.Position = 0;
        return stream;
    }

    private Task CallAsync(string what, Func<Task> call, CancellationToken cancellationToken) =>
        CallAsync(what, async () => { await call(); return true; }, cancellationToken);

    private async Task<T> CallAsync<T>(string what, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (DockerFailures.IsTransport(e, cancellationToken))
        {
            // Docker.DotNet words a missing socket file as "Cannot assign requested address": say what is wrong instead.
            var reason = Endpoint.Scheme != "unix" || File.Exists(Endpoint.LocalPath)
                ? DockerFailures.Innermost(e)
                : $"there is no socket at {Endpoint.LocalPath}";
            throw new ExportException(StatusCode.DockerNotFound, $"The Docker engine at {Endpoint} could not be reached ({what}): {reason}",
                DockerFailures.Describe(e), e);
        }
    }
}
