using Microsoft.Extensions.DependencyInjection;
using Portal.Contracts.Runs;
using Portal.Domain.Images;
using Portal.Domain.Runs;
using Portal.Testbed.Registries;
using Xunit.Abstractions;

namespace Portal.Tests.Integration.Domain.Images.Registry;

[Collection(RegistryCopyCollection.Name)]
public sealed class RegistryTransferFaultTests(RegistryCopyFixture fx, ITestOutputHelper output)
{
    private Task<ImageExportResult> ExportAsync(ImageExportRequest request, ImageExporter? exporter = null, RecordingProgress? progress = null,
        CancellationToken cancellationToken = default) =>
        RegistryCopyOutput.ExportAsync(exporter ?? fx.Exporter, request, output, progress, cancellationToken);

    private static bool IsBlob(Microsoft.AspNetCore.Http.HttpRequest r, string digest) =>
        r.Method == "GET" && r.Path.Value!.EndsWith("/blobs/" + digest, StringComparison.Ordinal);

    [Theory]
    [InlineData(300_000L, "monolithic")]
    [InlineData(3_500_000L, "chunked")]
    public async Task A_blob_corrupted_on_the_way_fails_the_run_clearly_and_tags_nothing(long layerBytes, string upload)
    {
        var (image, spec) = await TestSources.PublishLayeredAsync(fx.DominoRegistry, $"domino/corrupt-{upload}", "rev1", layers: 2, layerBytes, seed: 40);
        await using var source = await RegistryProxy.StartAsync(fx.DominoRegistry);
        var bad = spec.Layers[1];
        source.Faults = r => IsBlob(r, bad.Digest) ? new ProxyFault.CorruptBody(bad.Size / 2) : null;
        await using var target = await RegistryProxy.StartAsync(fx.Target);
        var (user, project, environment) = fx.NewProject($"corrupt-{upload}", image.Reference.Replace(fx.DominoRegistry.Host, source.Host, StringComparison.Ordinal));
        await using var services = RegistryCopyFixture.CreateServices(o => o.ChunkSize = 1 << 20);
        var exporter = services.GetRequiredService<ImageExporter>();

        var result = await ExportAsync(fx.Request(user, project,
            source: new RegistryLogin(source.Host, RegistryCopyFixture.DominoUser, RegistryCopyFixture.DominoPassword),
            target: new RegistryLogin(target.Host, RegistryCopyFixture.TargetUser, RegistryCopyFixture.TargetPassword)), exporter);
        foreach (var r in target.Requests) output.WriteLine($"  {r.Method} {r.Path} {r.Range} → {r.Status}");

        Assert.Equal(StatusCode.DockerAPIError, result.Status);
        Assert.StartsWith($"The Domino registry sent {source.Host}/domino/corrupt-{upload}:rev1 corrupted (reading blob {bad.Digest})", result.Message, StringComparison.Ordinal);
        Assert.Contains("does not match the digest its manifest names. Nothing was tagged.", result.Message, StringComparison.Ordinal);
        Assert.Equal(LayerOutcome.Failed, Assert.Single(result.Layers, l => l.Digest == bad.Digest).Outcome);
        Assert.Null(await fx.Target.FindManifestAsync($"team-a/corrupt-{upload}", "latest"));
        Assert.Null(await fx.Target.FindManifestAsync($"team-a/corrupt-{upload}", $"{environment.Id}-v1"));
        Assert.False(await fx.Target.HasBlobAsync($"team-a/corrupt-{upload}", bad.Digest));
        // The upload session the bad blob had opened is cancelled: a DELETE on it, which the registry accepted (204) or no longer
        // knew (404). What docker-registry then keeps on disk is its own business: a write it was still finishing when the
        // DELETE arrived can leave files behind until its upload purge.
        var session = $"/v2/team-a/corrupt-{upload}/blobs/uploads/";
        var opened = target.Requests.Count(r => r.Method == "POST" && r.Path == session && r.Status == 202);
        var cancelled = target.Requests.Where(r => r.Method == "DELETE" && r.Path.StartsWith(session, StringComparison.Ordinal)).ToList();
        Assert.True(opened >= 1, "the copy opened an upload session for the bad blob");
        Assert.Equal(opened - target.Requests.Count(r => r.Method == "PUT" && r.Path.StartsWith(session, StringComparison.Ordinal) && r.Status == 201),
            cancelled.Count);
        Assert.All(cancelled, r => Assert.Contains(r.Status, new[] { 204, 404 }));
        Assert.Equal(1, source.Requests.Count(r => r.Path.EndsWith(bad.Digest, StringComparison.Ordinal))); // corruption is not retried
    }

    [Fact]
    public async Task Retries_a_broken_blob_transfer_without_starting_the_image_over()
    {
        var (image, spec) = await TestSources.PublishLayeredAsync(fx.DominoRegistry, "domino/flaky", "rev1", layers: 3, seed: 50);
        await using var source = await RegistryProxy.StartAsync(fx.DominoRegistry);
        await using var target = await RegistryProxy.StartAsync(fx.Target);
        var flaky = spec.Layers[0];
        var gets = 0;
        source.Faults = r => IsBlob(r, flaky.Digest) ? Interlocked.Increment(ref gets) switch
        {
            1 => new ProxyFault.Status(503),
            2 => new ProxyFault.CutResponse(10_000),
            _ => null,
        } : null;
        var posts = 0;
        target.Faults = r => r.Method == "POST" && Interlocked.Increment(ref posts) == 1 ? new ProxyFault.Status(429, TimeSpan.FromSeconds(1)) : null;
        var (user, project, _) = fx.NewProject("flaky", image.Reference.Replace(fx.DominoRegistry.Host, source.Host, StringComparison.Ordinal));

        var result = await ExportAsync(fx.Request(user, project,
            source: new RegistryLogin(source.Host, RegistryCopyFixture.DominoUser, RegistryCopyFixture.DominoPassword),
            target: new RegistryLogin(target.Host, RegistryCopyFixture.TargetUser, RegistryCopyFixture.TargetPassword)));
        foreach (var r in source.Requests.Concat(target.Requests)) output.WriteLine($"  {r.Method} {r.Path} {r.Range} → {r.Status}");

        Assert.Equal(StatusCode.Completed, result.Status);
        Assert.Equal(2, result.Layers.Single(l => l.Digest == flaky.Digest).Attempts);
        Assert.All(result.Layers.Where(l => l.Digest != flaky.Digest), l => Assert.Equal(1, l.Attempts));
        foreach (var layer in spec.Layers.Skip(1))
            Assert.Equal(1, source.Requests.Count(r => r.Path.EndsWith(layer.Digest, StringComparison.Ordinal)));
        Assert.Equal([503, 0, 200], source.Requests.Where(r => r.Path.EndsWith(flaky.Digest, StringComparison.Ordinal)).Select(r => r.Status));
        Assert.Contains(target.Requests, r => r.Status == 429);
        Assert.Equal(flaky.Bytes(), await fx.Target.GetBlobAsync("team-a/flaky", flaky.Digest));
    }

    [Fact]
    public async Task Resumes_a_chunked_upload_from_the_last_chunk_the_registry_confirmed()
    {
        var (image, spec) = await TestSources.PublishLayeredAsync(fx.DominoRegistry, "domino/resumable", "rev1", layers: 1, layerBytes: 4_500_000, seed: 60);
        await using var source = await RegistryProxy.StartAsync(fx.DominoRegistry);
        await using var target = await RegistryProxy.StartAsync(fx.Target);
        var patches = 0;
        target.Faults = r => r.Method == "PATCH" && Interlocked.Increment(ref patches) == 3 ? new ProxyFault.CutRequest(100_000) : null;
        var (user, project, _) = fx.NewProject("resumed", image.Reference.Replace(fx.DominoRegistry.Host, source.Host, StringComparison.Ordinal));
        await using var services = RegistryCopyFixture.CreateServices(o => o.ChunkSize = 1 << 20);

        var result = await ExportAsync(fx.Request(user, project,
            source: new RegistryLogin(source.Host, RegistryCopyFixture.DominoUser, RegistryCopyFixture.DominoPassword),
            target: new RegistryLogin(target.Host, RegistryCopyFixture.TargetUser, RegistryCopyFixture.TargetPassword)),
            services.GetRequiredService<ImageExporter>());

        Assert.Equal(StatusCode.Completed, result.Status);
        var layer = spec.Layers[0];
        Assert.Equal(2, result.Layers.Single(l => l.Digest == layer.Digest).Attempts);
        // The first GET read the whole blob until the third chunk broke; the second asked only for the rest.
        Assert.Equal([null, "bytes=2097152-"], source.Requests.Where(r => r.Path.EndsWith(layer.Digest, StringComparison.Ordinal)).Select(r => r.Range));
        Assert.Single(target.Requests, r => r.Method == "GET" && r.Path.Contains("/blobs/uploads/", StringComparison.Ordinal));
        Assert.Equal(1 + 1, target.Requests.Count(r => r.Method == "POST")); // one session for the layer, one for the config
        Assert.Equal(layer.Bytes(), await fx.Target.GetBlobAsync("team-a/resumed", layer.Digest));
    }

    [Fact]
    public async Task An_interrupted_copy_completes_on_the_next_run_without_copying_again_what_arrived()
    {
        var (image, spec) = await TestSources.PublishLayeredAsync(fx.DominoRegistry, "domino/interrupted", "rev1", layers: 4, seed: 70);
        await using var source = await RegistryProxy.StartAsync(fx.DominoRegistry);
        var broken = spec.Layers.OrderBy(l => l.Size).First();
        source.Faults = r => IsBlob(r, broken.Digest) ? new ProxyFault.CutResponse(5_000) : null;
        var (user, project, _) = fx.NewProject("interrupted", image.Reference.Replace(fx.DominoRegistry.Host, source.Host, StringComparison.Ordinal));
        var request = fx.Request(user, project, source: new RegistryLogin(source.Host, RegistryCopyFixture.DominoUser, RegistryCopyFixture.DominoPassword));
        await using var oneAtATime = RegistryCopyFixture.CreateServices(o => o.ParallelBlobs = 1);
        var exporter = oneAtATime.GetRequiredService<ImageExporter>();

        var first = await ExportAsync(request, exporter);
        Assert.Equal(StatusCode.DockerAPIError, first.Status);
        Assert.Contains($"failed while reading blob {broken.Digest}", first.Message, StringComparison.Ordinal);
        Assert.Equal(3, first.Layers.Single(l => l.Digest == broken.Digest).Attempts);
        Assert.Null(first.NewState);
        Assert.Null(await fx.Target.FindManifestAsync("team-a/interrupted", "latest"));
        var arrived = first.Layers.Where(l => l.Outcome == LayerOutcome.Copied).Select(l => l.Digest).ToHashSet();
        Assert.Equal(3, arrived.Count); // the bigger layers went before it

        source.Faults = _ => null;
        var second = await ExportAsync(request with { LastState = first.NewState }, exporter);

        Assert.Equal(StatusCode.Completed, second.Status);
        Assert.Equal(arrived, second.Layers.Where(l => l.Outcome == LayerOutcome.Present).Select(l => l.Digest).ToHashSet());
        Assert.Equal(2, second.Layers.Count(l => l.Outcome == LayerOutcome.Copied)); // the broken layer and the config
        Assert.Equal(image.Digest, (await fx.Target.GetManifestAsync("team-a/interrupted", "latest")).Digest);
        Assert.Empty(fx.Target.OpenUploads("team-a/interrupted"));
    }

    [Fact]
    public async Task Cancelling_a_copy_gives_its_open_uploads_up()
    {
        var (image, spec) = await TestSources.PublishLayeredAsync(fx.DominoRegistry, "domino/cancelled", "rev1", layers: 2, layerBytes: 3_000_000, seed: 80);
        await using var target = await RegistryProxy.StartAsync(fx.Target);
        using var cancellation = new CancellationTokenSource();
        var patches = 0;
        // Cancel while the second layer's second chunk is on its way; the proxy drops that request, so the registry's session
        // stays as its last answer described it (a request cut off half-way leaves distribution 2.8 unable to delete the session).
        target.Faults = r =>
        {
            if (r.Method != "PATCH" || Interlocked.Increment(ref patches) != 5) return null;
            cancellation.Cancel();
            return new ProxyFault.CutRequest(0);
        };
        var (user, project, _) = fx.NewProject("cancel-copy", image.Reference);
        await using var services = RegistryCopyFixture.CreateServices(o =>
        {
            o.ChunkSize = 1 << 20;
            o.ParallelBlobs = 1;
        });

        var result = await ExportAsync(fx.Request(user, project, target: new RegistryLogin(target.Host, RegistryCopyFixture.TargetUser,
            RegistryCopyFixture.TargetPassword)), services.GetRequiredService<ImageExporter>(), cancellationToken: cancellation.Token);
        foreach (var r in target.Requests) output.WriteLine($"  {r.Method} {r.Path} → {r.Status}");

        Assert.Equal(StatusCode.ExecutionCancelled, result.Status);
        Assert.StartsWith($"The run was cancelled while copying to {target.Host}/team-a/cancel-copy:", result.Message, StringComparison.Ordinal);
        Assert.True(await fx.Target.HasBlobAsync("team-a/cancel-copy", spec.Layers[1].Digest)); // the bigger layer went first
        var deleted = Assert.Single(target.Requests, r => r.Method == "DELETE");
        Assert.Equal(204, deleted.Status);
        Assert.Empty(fx.Target.OpenUploads("team-a/cancel-copy"));
        Assert.False(await fx.Target.HasBlobAsync("team-a/cancel-copy", spec.Layers[0].Digest));
        Assert.Null(await fx.Target.FindManifestAsync("team-a/cancel-copy", "latest"));
    }
}
