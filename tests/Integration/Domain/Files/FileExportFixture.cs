using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Domino;
using Portal.Domain.Files;
using Portal.Domain.Runs;
using Portal.Testbed.Domino;
using Portal.Testbed.S3;
using Portal.Domain;

namespace Portal.Tests.Integration.Domain.Files;

/// <summary>One S3 server, one Domino double and one exporter per test class; tests keep apart by export name.</summary>
public sealed class FileExportFixture : IAsyncLifetime
{
    public const string Bucket = "exports";
    private int _next;

    public S3Server S3 { get; private set; } = null!;
    public DominoDouble Domino { get; private set; } = null!;
    public ServiceProvider Services { get; private set; } = null!;
    public ProjectFilesExporter Exporter => Services.GetRequiredService<ProjectFilesExporter>();

    public async Task InitializeAsync()
    {
        var s3 = S3Server.StartAsync(Bucket);
        Domino = await DominoDouble.StartAsync();
        S3 = await s3;
        var services = new ServiceCollection().AddLogging();
        services.AddDominoClient();
        services.Configure<DominoClientOptions>(o =>
        {
            o.RetryDelay = TimeSpan.FromMilliseconds(10);
            o.AttemptTimeout = TimeSpan.FromSeconds(20);
        });
        services.AddFileExport();
        services.Configure<FileExportOptions>(o =>
        {
            o.PartSize = 5 * 1024 * 1024; // the S3 minimum, so a few MiB already go multipart
            o.RetryDelay = TimeSpan.FromMilliseconds(10);
        });
        Services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await Domino.DisposeAsync();
        await S3.DisposeAsync();
    }

    /// <summary>A fresh user, project and export name for one test.</summary>
    public (DominoUser User, TestProject Project, string ExportName) NewProject(string name = "project")
    {
        var n = Interlocked.Increment(ref _next);
        var user = Domino.AddUser($"user{n}");
        return (user, Domino.AddProject(user, name), $"export{n}");
    }

    public FileExportRequest Request(DominoUser user, TestProject project, string exportName, FileExportState? previous = null,
        bool force = false, Portal.Domain.S3.S3Target? target = null) =>
        new(new DominoConnection(Domino.Url), user.ApiKey, project.Owner.UserName, project.Name, target ?? S3.Target(Bucket),
            "group", exportName, previous, force, Guid.NewGuid().ToString("N"));

    public Task<FileExportResult> ExportAsync(FileExportRequest request, IExportProgress? progress = null,
        CancellationToken cancellationToken = default) =>
        Exporter.ExportAsync(request, progress ?? new RecordingProgress(), cancellationToken);

    /// <summary>An exporter with the fixture's settings changed by <paramref name="configure"/>.</summary>
    public ProjectFilesExporter ExporterWith(Action<FileExportOptions> configure)
    {
        var options = Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<FileExportOptions>>().Value;
        var changed = new FileExportOptions
        {
            MaxParallelTransfers = options.MaxParallelTransfers,
            PartSize = options.PartSize,
            MaxPartsInFlightPerFile = options.MaxPartsInFlightPerFile,
            MaxBufferedParts = options.MaxBufferedParts,
            MaxAttemptsPerFile = options.MaxAttemptsPerFile,
            RetryDelay = options.RetryDelay,
            S3RequestTimeout = options.S3RequestTimeout,
            StallTimeout = options.StallTimeout,
            BandwidthLimit = options.BandwidthLimit,
        };
        configure(changed);
        return new ProjectFilesExporter(Services.GetRequiredService<IDominoClientFactory>(), Services.GetRequiredService<Portal.Domain.S3.IS3ClientFactory>(),
            Microsoft.Extensions.Options.Options.Create(changed),
            Services.GetRequiredService<Microsoft.Extensions.Logging.ILogger<ProjectFilesExporter>>());
    }

    /// <summary>Writes an object behind the exporter's back (another writer, a corruption).</summary>
    public Task PutAsync(string key, string body) =>
        S3.Client.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest { BucketName = Bucket, Key = key, ContentBody = body });

    /// <summary>The bucket's multipart uploads still open under a prefix.</summary>
    public async Task<List<string>> OpenUploadsAsync(string prefix)
    {
        var response = await S3.Client.ListMultipartUploadsAsync(new Amazon.S3.Model.ListMultipartUploadsRequest { BucketName = Bucket, Prefix = prefix });
        return (response.MultipartUploads ?? []).Select(u => u.Key).ToList();
    }

    /// <summary>Reads every object of a snapshot back and checks it holds exactly the commit's files, byte for byte (by hash).</summary>
    public async Task AssertSnapshotAsync(string prefix, TestCommit commit)
    {
        var stored = await S3.ReadTreeAsync(Bucket, prefix);
        Assert.Equal(commit.Files.Keys.Order(StringComparer.Ordinal), stored.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, file) in commit.Files)
        {
            var o = stored[path];
            Assert.Equal(file.Content.Length, o.ListedSize);
            Assert.Equal(file.Content.Length, o.ReadSize);
            Assert.True(file.Content.Sha256() == o.Sha256, $"{path}: stored bytes differ from Domino's");
        }
    }

    /// <summary>
    /// The same check through the server's ETags (the MD5 of what it stored) instead of reading each object
    /// back: for thousands of small single-part objects.
    /// </summary>
    public async Task AssertSnapshotByETagAsync(string prefix, TestCommit commit)
    {
        var stored = await S3.ListETagsAsync(Bucket, prefix);
        Assert.Equal(commit.Files.Keys.Order(StringComparer.Ordinal), stored.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, file) in commit.Files)
        {
            using var content = file.Content.Open();
            var md5 = Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(content));
            Assert.True((file.Content.Length, md5) == stored[path], $"{path}: stored bytes differ from Domino's");
        }
    }

    public async Task<SnapshotManifest?> ReadManifestAsync(string key)
    {
        var text = await new Portal.Domain.S3.S3Store(S3.Client, S3.Target(Bucket)).GetTextAsync(key, default);
        return SnapshotManifest.TryParse(text);
    }

    public int BlobRequests(Func<RecordedRequest, bool>? where = null) =>
        Domino.Requests.Count(r => r.RawTarget.Contains("/blobs/", StringComparison.Ordinal) && (where?.Invoke(r) ?? true));
}
