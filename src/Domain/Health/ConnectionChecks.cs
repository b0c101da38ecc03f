using System.Diagnostics;
using Amazon.S3.Model;
using Portal.Domain.Domino;
using Portal.Domain.Images;
using Portal.Domain.Images.Engine;
using Portal.Domain.Images.Registry;
using Portal.Domain.Runs;
using Portal.Domain.S3;

namespace Portal.Domain.Health;

/// <summary>
/// "Does it work?" for each thing the exports talk to — the admin's Test buttons and the recurring
/// health checks ask the same questions the exports do, in the same way.
/// </summary>
public sealed class ConnectionChecks(IDominoClientFactory domino, IS3ClientFactory s3, DockerEngineFactory docker, RegistryClientFactory registries)
{
    /// <summary>Domino answers /version with JSON (the original's check); with a key, the key is checked too.</summary>
    public async Task<IReadOnlyList<ConnectionCheck>> DominoAsync(DominoConnection connection, string? apiKey, CancellationToken cancellationToken)
    {
        var client = domino.Create(connection, string.IsNullOrEmpty(apiKey) ? "anonymous" : apiKey);
        var checks = new List<ConnectionCheck>
        {
            await RunAsync("Domino API", async () =>
            {
                await client.GetVersionAsync(cancellationToken);
                return $"{connection.ApiUrl} answers";
            }),
        };
        if (!string.IsNullOrEmpty(apiKey))
            checks.Add(await RunAsync("Domino API key", async () =>
                $"The key belongs to {(await client.GetPrincipalAsync(cancellationToken)).UserName}"));
        return checks;
    }

    /// <summary>
    /// Lists one key under the prefix: the bucket exists and the credentials may read it. With <paramref name="writeProbe"/>
    /// (an admin's Test button), it also writes a small probe object under the prefix and deletes it again, since an
    /// export needs both and read-only credentials otherwise pass until the first run fails.
    /// </summary>
    public Task<ConnectionCheck> S3Async(S3Target target, CancellationToken cancellationToken, bool writeProbe = false) => RunAsync("S3 bucket", async () =>
    {
        using var client = s3.Create(target);
        var step = "listing the bucket";
        try
        {
            await client.ListObjectsV2Async(new ListObjectsV2Request
            {
                BucketName = target.Bucket,
                Prefix = target.NormalizedPrefix.Length == 0 ? null : target.NormalizedPrefix + "/",
                MaxKeys = 1,
            }, cancellationToken);
            if (!writeProbe) return $"s3://{target.Bucket}/{target.NormalizedPrefix} is readable";

            var probe = target.Key($".portal-probe-{Guid.NewGuid():N}");
            step = "writing a probe object";
            await client.PutObjectAsync(new PutObjectRequest
            {
                BucketName = target.Bucket, Key = probe, ContentBody = "Domino Export Portal connection test; safe to delete.",
            }, cancellationToken);
            step = "deleting the probe object";
            await client.DeleteObjectAsync(target.Bucket, probe, cancellationToken);
            return $"s3://{target.Bucket}/{target.NormalizedPrefix} is readable and writable (a probe object was written and deleted)";
        }
        catch (Exception e) when (S3Errors.IsS3Failure(e))
        {
            throw S3Errors.ToExportException(e, target, step);
        }
    });

    /// <summary>
    /// The registry answers its API (GET /v2/) and, with credentials, accepts them (basic, or a token from its token
    /// server): spoken to directly, as the registry copy does, so no Docker engine is needed to check it.
    /// </summary>
    public async Task<IReadOnlyList<ConnectionCheck>> RegistryAsync(RegistryLogin login, string role, CancellationToken cancellationToken) =>
    [
        await RunAsync(login.HasCredentials ? $"{role} registry login" : $"{role} registry", async () =>
        {
            var client = registries.Create(registries.Endpoint(login.Host), role == "Domino" ? RegistryRole.Source : RegistryRole.Target, login, []);
            await client.ConnectAsync(cancellationToken);
            return login.HasCredentials ? $"{login.Host} accepts the credentials of {login.Username}" : $"{login.Host} answers";
        }),
    ];

    public async Task<ConnectionCheck> DockerAsync(CancellationToken cancellationToken)
    {
        using var engine = docker.Create();
        return await RunAsync("Docker engine", async () =>
        {
            await engine.PingAsync(cancellationToken);
            return $"{engine.Endpoint} answers";
        });
    }

    private static async Task<ConnectionCheck> RunAsync(string name, Func<Task<string>> check)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            var message = await check();
            return new ConnectionCheck(name, true, message, watch.Elapsed);
        }
        catch (Exception e) when (e is ExportException or RegistryException)
        {
            return new ConnectionCheck(name, false, e.Message, watch.Elapsed);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or IOException)
        {
            return new ConnectionCheck(name, false, e.Message, watch.Elapsed);
        }
    }
}
