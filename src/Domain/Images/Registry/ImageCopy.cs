using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Portal.Domain.Images.Templates;
using Portal.Domain.Runs;

namespace Portal.Domain.Images.Registry;

/// <summary>What a copy pushed: the top manifest's digest and type, the platforms, every blob's record and the bytes the image holds.</summary>
public sealed record ImageCopyResult(string Digest, string MediaType, IReadOnlyList<string> Platforms, IReadOnlyList<LayerRecord> Layers, long Size);

/// <summary>
/// One image copied from a source repository to a target one, in three steps the export reports as its
/// stages: <see cref="ReadAsync"/> (manifests, and configs when a template needs them),
/// <see cref="Apply"/> (a metadata template written into new configs and manifests, in memory), and
/// <see cref="PushAsync"/> (blobs the target lacks, then manifests by digest, then the tags). An index
/// is copied with every platform's manifest, or reduced to one platform when asked. Nothing is tagged
/// until every blob and manifest is in place.
/// </summary>
public sealed class ImageCopy(
    RegistryClient source, string sourceRepository, string sourceReference,
    RegistryClient target, string targetRepository, Platform? platform,
    ImagesOptions options, TimeProvider time, ILogger logger)
{
    private const string AttestationKey = "vnd.docker.reference.type";
    private readonly List<ImagePart> _parts = [];
    private readonly Dictionary<string, byte[]> _newBlobs = new(StringComparer.Ordinal);
    private ManifestBlob? _top;
    private ManifestBlob? _output;

    /// <summary>The source's top manifest or index, as read.</summary>
    public ManifestBlob Source => _top ?? throw new InvalidOperationException("ReadAsync first");

    /// <summary>What will be pushed at the top (the source's bytes unless a template or a platform choice changed them).</summary>
    public ManifestBlob Output => _output ?? Source;

    public IReadOnlyList<string> Platforms => _parts.Where(p => !p.IsAttestation).Select(p => p.Platform?.ToString() ?? "").Where(p => p.Length > 0).ToList();

    /// <summary>Logs in to both registries (a refused login fails here, before anything is read).</summary>
    public Task ConnectAsync(CancellationToken cancellationToken) => Task.WhenAll(source.ConnectAsync(cancellationToken), target.ConnectAsync(cancellationToken));

    public async Task ReadAsync(bool withConfigs, CancellationToken cancellationToken)
    {
        _top = await source.GetManifestAsync(sourceRepository, sourceReference, cancellationToken);
        if (!_top.IsIndex)
        {
            _parts.Add(new ImagePart(null, _top));
        }
        else
        {
            var entries = _top.Entries;
            if (entries.FirstOrDefault(e => !MediaTypes.IsManifest(e.MediaType)) is { } odd)
                throw new RegistryException(RegistryFailure.Protocol, source.Side, $"reading the index {sourceRepository}:{sourceReference}",
                    $"it lists a {odd.MediaType} ({odd.Digest}); only image manifests are copied from an index");
            if (platform is { } wanted)
            {
                var chosen = entries.FirstOrDefault(e => e.Platform?.Serves(wanted) == true && !IsAttestation(e))
                             ?? throw new RegistryException(RegistryFailure.NotFound, source.Side, $"choosing {wanted} in {sourceRepository}:{sourceReference}",
                                 $"the index has no image for {wanted}, only for {string.Join(", ", entries.Where(e => !IsAttestation(e)).Select(e => e.Platform))}");
                entries = [chosen];
            }
            var manifests = await Task.WhenAll(entries.Select(e => ReadEntryAsync(e, cancellationToken)));
            _parts.AddRange(entries.Zip(manifests, (e, m) => new ImagePart(e, m)));
        }
        var needConfigs = withConfigs || (platform is not null && !_top.IsIndex);
        if (needConfigs)
            foreach (var part in _parts.Where(p => !p.IsAttestation))
                part.Config = await source.GetBlobBytesAsync(sourceRepository, part.Manifest.Config, cancellationToken);
        if (platform is { } p && !_top.IsIndex && _parts[0].ConfigPlatform is { } actual && !actual.Serves(p))
            throw new RegistryException(RegistryFailure.NotFound, source.Side, $"choosing {p} in {sourceRepository}:{sourceReference}",
                $"the image is for {actual}, not for {p}");
    }

    /// <summary>Writes the template's metadata into each platform's config and manifest (and the index), in memory.</summary>
    public void Apply(TemplatePlan plan)
    {
        var single = !Source.IsIndex || platform is not null;
        if (plan.Instructions.Count > 0)
        {
            foreach (var part in _parts.Where(p => !p.IsAttestation))
            {
                var config = TemplateApplier.Apply(plan, part.Config ?? throw new InvalidOperationException("ReadAsync(withConfigs: true) first"));
                var digest = ManifestBlob.DigestOf(config);
                _newBlobs[digest] = config;
                var old = part.Manifest.Config;
                part.Output = part.Manifest.WithReplaced(new Dictionary<string, Descriptor> { [old.Digest] = old with { Digest = digest, Size = config.Length } });
            }
            // An attestation describes the image it was made for; the new one is another image, so it goes.
            _parts.RemoveAll(p => p.IsAttestation);
        }
        if (single) _output = _parts[0].Output;
        else if (plan.Instructions.Count == 0) _output = Source; // byte for byte: the digest stays the source's
        else
            _output = Source.WithReplaced(
                _parts.ToDictionary(p => p.Manifest.Digest, p => p.Entry! with { Digest = p.Output.Digest, Size = p.Output.Bytes.Length }),
                Source.Entries.Where(IsAttestation).Select(e => e.Digest).ToHashSet());
    }

    /// <summary>Copies what the target lacks, pushes the manifests by digest, then tags them; reports every blob to <paramref name="progress"/>.</summary>
    public async Task<ImageCopyResult> PushAsync(IReadOnlyList<string> tags, IExportProgress progress, CancellationToken cancellationToken)
    {
        var blobs = _parts.SelectMany(p => p.Output.Layers.Where(l => !l.HasUrls).Prepend(p.Output.Config))
            .DistinctBy(b => b.Digest).OrderByDescending(b => b.Size).ToList();
        var layers = new List<LayerRecord>();
        var missing = await FindMissingAsync(blobs, layers, progress, cancellationToken);
        progress.Totals(blobs.Count, missing.Sum(b => b.Size));
        foreach (var present in layers) await progress.LayerAsync(present, cancellationToken);

        await CopyAsync(missing, layers, progress, cancellationToken);

        foreach (var part in _parts.Where(p => p.Output != Output))
            await target.PutManifestAsync(targetRepository, part.Output.Digest, part.Output, cancellationToken);
        await target.PutManifestAsync(targetRepository, Output.Digest, Output, cancellationToken);
        foreach (var tag in tags) await target.PutManifestAsync(targetRepository, tag, Output, cancellationToken);

        var size = blobs.Sum(b => b.Size) + Output.Bytes.Length + _parts.Where(p => p.Output != Output).Sum(p => (long)p.Output.Bytes.Length);
        return new ImageCopyResult(Output.Digest, Output.MediaType, Platforms, layers, size);
    }

    private async Task<ManifestBlob> ReadEntryAsync(Descriptor entry, CancellationToken cancellationToken)
    {
        var manifest = await source.GetManifestAsync(sourceRepository, entry.Digest, cancellationToken);
        if (manifest.IsIndex)
            throw new RegistryException(RegistryFailure.Protocol, source.Side, $"reading {entry.Digest}", "an index inside an index is not copied");
        return manifest;
    }

    private async Task<List<Descriptor>> FindMissingAsync(List<Descriptor> blobs, List<LayerRecord> present, IExportProgress progress,
        CancellationToken cancellationToken)
    {
        var found = new bool[blobs.Count];
        await Parallel.ForAsync(0, blobs.Count, new ParallelOptions { MaxDegreeOfParallelism = options.ParallelBlobs * 2, CancellationToken = cancellationToken },
            async (i, token) => found[i] = await target.BlobExistsAsync(targetRepository, blobs[i].Digest, token));
        present.AddRange(blobs.Where((_, i) => found[i]).Select(b => new LayerRecord(b.Digest, b.Size, b.MediaType, LayerOutcome.Present, 1, TimeSpan.Zero)));
        return blobs.Where((_, i) => !found[i]).ToList();
    }

    private async Task CopyAsync(List<Descriptor> missing, List<LayerRecord> layers, IExportProgress progress, CancellationToken cancellationToken)
    {
        var copier = new BlobCopier(source, sourceRepository, target, targetRepository, options, time, logger, progress.Transferred);
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var errors = new List<Exception>();
        await Parallel.ForEachAsync(missing, new ParallelOptions { MaxDegreeOfParallelism = options.ParallelBlobs }, async (blob, _) =>
        {
            var watch = Stopwatch.StartNew();
            LayerRecord record;
            try
            {
                failed.Token.ThrowIfCancellationRequested();
                if (_newBlobs.TryGetValue(blob.Digest, out var bytes))
                {
                    await target.PutBlobAsync(targetRepository, bytes, blob.Digest, failed.Token);
                    progress.Transferred(bytes.Length);
                    record = new LayerRecord(blob.Digest, blob.Size, blob.MediaType, LayerOutcome.Copied, 1, watch.Elapsed);
                }
                else record = await copier.CopyAsync(blob, failed.Token);
            }
            catch (Exception e) when (e is not OperationCanceledException || !failed.IsCancellationRequested)
            {
                lock (errors) errors.Add(e is BlobCopyException b ? b.InnerException! : e);
                // The first failure stops the others: an image with a missing blob is not pushed at all.
                await failed.CancelAsync();
                record = e is BlobCopyException copy
                    ? copy.Record
                    : new LayerRecord(blob.Digest, blob.Size, blob.MediaType, LayerOutcome.Failed, 1, watch.Elapsed, e.Message);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            lock (layers) layers.Add(record);
            await progress.LayerAsync(record, CancellationToken.None);
        });
        cancellationToken.ThrowIfCancellationRequested();
        if (errors.Count > 0) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(errors[0]);
    }

    internal static bool IsAttestation(Descriptor entry) =>
        entry.Annotations?.TryGetValue(AttestationKey, out var type) == true && type == "attestation-manifest";
}
