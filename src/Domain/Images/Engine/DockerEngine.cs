using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;
using Portal.Domain.Runs;
using Portal.Contracts.Runs;

namespace Portal.Domain.Images.Engine;

/// <summary>
/// The Docker engine operations an image export needs, over Docker.DotNet. Every failure leaves as an
/// <see cref="ExportException"/> with the code of its stage: 112 unreachable, 113 image not found,
/// 114 login refused, 116 build failed, 118 push refused, 111 anything else the engine reports.
/// Credentials go with each pull, build and push (nothing is stored in the engine).
/// </summary>
internal sealed partial class DockerEngine : IDisposable
{
    private readonly DockerClientConfiguration _configuration;
    private readonly DockerClient _client;
    private readonly TimeSpan _pingTimeout;

    internal DockerEngine(DockerClientConfiguration configuration, DockerClient client, TimeSpan pingTimeout)
    {
        _configuration = configuration;
        _client = client;
        _pingTimeout = pingTimeout;
    }

    public Uri Endpoint => _configuration.EndpointBaseUri;

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_pingTimeout);
        try
        {
            await CallAsync("ping", () => _client.System.PingAsync(timeout.Token), cancellationToken);
        }
        catch (DockerApiException e)
        {
            throw new ExportException(StatusCode.DockerNotFound,
                $"The Docker engine at {Endpoint} answered its ping with HTTP {(int)e.StatusCode}: {DockerFailures.Message(e)}", DockerFailures.Describe(e), e);
        }
    }

    /// <summary>Checks a login up front, so wrong credentials end the run with 114 and say which registry refused them.</summary>
    public async Task CheckLoginAsync(RegistryLogin login, string role, CancellationToken cancellationToken)
    {
        try
        {
            await CallAsync("login", () => _client.System.AuthenticateAsync(ToAuth(login)!, cancellationToken), cancellationToken);
        }
        catch (DockerApiException e) when (e.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                                           || DockerFailures.IsAuthFailure(DockerFailures.Message(e)))
        {
            throw new ExportException(StatusCode.DockerAuthenticationError,
                $"The {role} registry {login.Host} refused the credentials of user '{login.Username}': {DockerFailures.Message(e)}", DockerFailures.Describe(e), e);
        }
        catch (DockerApiException e)
        {
            throw new ExportException(StatusCode.DockerAPIError,
                $"The Docker engine could not log in to the {role} registry {login.Host}: {DockerFailures.Message(e)}", DockerFailures.Describe(e), e);
        }
    }

    public async Task<ImageInspectResponse?> InspectAsync(string reference, CancellationToken cancellationToken)
    {
        try
        {
            return await CallAsync("inspect", () => _client.Images.InspectImageAsync(reference, cancellationToken), cancellationToken);
        }
        catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task PullAsync(ImageReference image, RegistryLogin? login, DockerOutput output, CancellationToken cancellationToken)
    {
        var parameters = new ImagesCreateParameters { FromImage = image.Name, Tag = image.TagOrDigest };
        try
        {
            await CallAsync("pull", () => _client.Images.CreateImageAsync(parameters, ToAuth(login), output, cancellationToken), cancellationToken);
        }
        catch (DockerApiException e)
        {
            throw PullFailed(image, DockerFailures.Message(e), e);
        }
        if (output.Error is { } error) throw PullFailed(image, error, null);
    }

    /// <summary>Builds once and tags the result with every name in <paramref name="tags"/>.</summary>
    public async Task BuildAsync(string dockerfile, IReadOnlyList<string> tags, RegistryLogin? login, DockerOutput output,
        CancellationToken cancellationToken)
    {
        // Only the Dockerfile is sent (as the original did): templates add metadata and RUN steps, not files.
        await using var context = await TarAsync("Dockerfile", dockerfile, cancellationToken);
        var parameters = new ImageBuildParameters { Dockerfile = "Dockerfile", Tags = tags.ToList(), Remove = true, ForceRemove = true };
        var auths = login is { HasCredentials: true } ? new[] { ToAuth(login)! } : [];
        try
        {
            await CallAsync("build", () => _client.Images.BuildImageFromDockerfileAsync(parameters, context, auths,
                new Dictionary<string, string>(), output, cancellationToken), cancellationToken);
        }
        catch (DockerApiException e)
        {
            throw new ExportException(StatusCode.DockerBuildError, $"Building the image failed: {DockerFailures.Message(e)}", DockerFailures.Describe(e), e);
        }
        if (output.Error is { } error)
            throw new ExportException(StatusCode.DockerBuildError, $"Building the image failed: {error}");
    }

    /// <summary>Pushes one tag and returns the manifest digest the registry stored.</summary>
    public async Task<string?> PushAsync(ImageReference target, RegistryLogin? login, DockerOutput output, CancellationToken cancellationToken)
    {
        try
        {
            await CallAsync("push", () => _client.Images.PushImageAsync(target.Name, new ImagePushParameters { Tag = target.Tag },
                ToAuth(login), output, cancellationToken), cancellationToken);
        }
        catch (DockerApiException e) when (e.StatusCode != HttpStatusCode.NotFound)
        {
            throw new ExportException(StatusCode.DockerPushError,
                $"The target registry refused the push of {target}: {DockerFailures.Message(e)}", DockerFailures.Describe(e), e);
        }
        catch (DockerApiException e)
        {
            throw new ExportException(StatusCode.DockerAPIError, $"The Docker engine could not push {target}: {DockerFailures.Message(e)}", DockerFailures.Describe(e), e);
        }
        if (output.Error is { } error)
            throw new ExportException(StatusCode.DockerPushError, $"The target registry refused the push of {target}: {error}");
        return output.Digest;
    }

    /// <summary>Removes a tag; the image (and its untagged parents) goes with its last tag. A missing tag is fine.</summary>
    public async Task RemoveAsync(string reference, CancellationToken cancellationToken)
    {
        try
        {
            await CallAsync("remove", () => _client.Images.DeleteImageAsync(reference, new ImageDeleteParameters { Force = false }, cancellationToken),
                cancellationToken);
        }
        catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
        }
    }

    public void Dispose()
    {
        _client.Dispose();
        _configuration.Dispose();
    }
}
