using System.Diagnostics;
using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using Portal.Domain.S3;

namespace Portal.Testbed.S3;

/// <summary>
/// A real S3 server (@20minutes/s3rver, pinned in package.json here) on 127.0.0.1, storing in a temp
/// folder, for one test class or one benchmark. Started through s3-server.mjs; stopped on dispose.
/// </summary>
public sealed class S3Server : IAsyncDisposable
{
    /// <summary>s3rver's built-in account: the only access key it accepts.</summary>
    public static readonly S3Credentials Credentials = new("S3RVER", "S3RVER");

    private readonly Process _process;
    private readonly IAmazonS3 _client;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _errors = new();

    private S3Server(Process process, Uri url, string directory)
    {
        _process = process;
        Url = url;
        Directory = directory;
        _client = new S3ClientFactory().Create(Target("any"));
    }

    /// <summary>What the server wrote to stderr: its internal errors.</summary>
    public IReadOnlyCollection<string> Errors => _errors;

    public Uri Url { get; }
    public string Directory { get; }

    /// <summary>A client with the server's credentials (any bucket).</summary>
    public IAmazonS3 Client => _client;

    public S3Target Target(string bucket, string? prefix = null, string storageClass = S3StorageClasses.Standard) =>
        new(bucket, prefix, "us-east-1", Url, Credentials, storageClass);

    public static Task<S3Server> StartAsync(params string[] buckets) => StartAsync(buckets, strictSignatures: false);

    /// <summary>
    /// With <paramref name="strictSignatures"/> the server also refuses a wrong secret key; it then
    /// refuses some correctly signed listings too (testbed notes), so only credential tests use it.
    /// Without <paramref name="conditionalWrites"/> it ignores If-None-Match and If-Match on writes, as some
    /// S3-compatible stores do (AWS S3 honours them). Without <paramref name="verifyChecksums"/> it stores a body sent
    /// with x-amz-checksum-sha256 without hashing it (the file benchmark: S3 verifies on its own machines, this server on
    /// its one event loop, so the tool that sends the checksum would pay for the server's work).
    /// </summary>
    public static async Task<S3Server> StartAsync(string[] buckets, bool strictSignatures, bool conditionalWrites = true,
        bool verifyChecksums = true)
    {
        var folder = FindFolder();
        if (!System.IO.Directory.Exists(Path.Combine(folder, "node_modules", "@20minutes", "s3rver")))
            throw new InvalidOperationException(
                $"The S3 test server is not installed in {folder}/node_modules: run scripts/install-prerequisites.sh (it runs npm ci there).");
        var directory = Path.Combine(Path.GetTempPath(), "s3rver-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(directory);
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // s3rver encrypts ListObjectsV2 continuation tokens with DES, which OpenSSL 3 keeps in its legacy provider.
        start.ArgumentList.Add("--openssl-legacy-provider");
        start.ArgumentList.Add("s3-server.mjs");
        start.ArgumentList.Add(directory);
        foreach (var b in buckets) start.ArgumentList.Add(b);
        if (strictSignatures) start.Environment["S3RVER_STRICT_SIGNATURES"] = "1";
        if (!conditionalWrites) start.Environment["S3RVER_CONDITIONAL_WRITES"] = "0";
        start.Environment["S3RVER_VERIFY_CHECKSUMS"] = verifyChecksums ? "1" : "0";
        var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line is null)
        {
            var error = await process.StandardError.ReadToEndAsync(timeout.Token);
            throw new InvalidOperationException($"The S3 test server did not start: {error}");
        }
        var port = JsonDocument.Parse(line).RootElement.GetProperty("port").GetInt32();
        var server = new S3Server(process, new Uri($"http://127.0.0.1:{port}"), directory);
        // Drain stderr so the server never blocks on a full pipe, and keep its errors for diagnosis.
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) server._errors.Enqueue(e.Data); };
        process.BeginErrorReadLine();
        return server;
    }

    public async Task CreateBucketAsync(string bucket) => await _client.PutBucketAsync(new PutBucketRequest { BucketName = bucket });

    /// <summary>Every object under a prefix with its size and the SHA-256 of its bytes, read back as a stream.</summary>
    public async Task<Dictionary<string, StoredObject>> ReadTreeAsync(string bucket, string prefix)
    {
        var store = new S3Store(_client, Target(bucket));
        var result = new Dictionary<string, StoredObject>(StringComparer.Ordinal);
        foreach (var entry in await store.ListAsync(prefix, default))
        {
            var read = await store.HashAsync(entry.Key, default);
            result[entry.Key[prefix.Length..]] = new StoredObject(entry.Size, read.Size, read.Sha256);
        }
        return result;
    }

    /// <summary>
    /// Objects under a prefix with their size and ETag. For objects stored in one piece the server's
    /// ETag is the MD5 of the bytes it stored: a hash check of many small objects without reading each back.
    /// </summary>
    public async Task<Dictionary<string, (long Size, string ETag)>> ListETagsAsync(string bucket, string prefix)
    {
        var objects = new Dictionary<string, (long, string)>(StringComparer.Ordinal);
        var request = new ListObjectsV2Request { BucketName = bucket, Prefix = prefix };
        ListObjectsV2Response response;
        do
        {
            response = await _client.ListObjectsV2Async(request);
            foreach (var o in response.S3Objects ?? []) objects[o.Key[prefix.Length..]] = (o.Size ?? 0, o.ETag.Trim('"'));
            request.ContinuationToken = response.NextContinuationToken;
        } while (response.IsTruncated == true);
        return objects;
    }

    /// <summary>Objects under a prefix with their ETag and last-modified time: what "untouched" compares.</summary>
    public async Task<List<string>> FingerprintAsync(string bucket, string prefix)
    {
        var objects = new List<string>();
        var request = new ListObjectsV2Request { BucketName = bucket, Prefix = prefix };
        ListObjectsV2Response response;
        do
        {
            response = await _client.ListObjectsV2Async(request);
            objects.AddRange((response.S3Objects ?? []).Select(o => $"{o.Key}|{o.Size}|{o.ETag}|{o.LastModified:O}"));
            request.ContinuationToken = response.NextContinuationToken;
        } while (response.IsTruncated == true);
        return objects;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        try
        {
            _process.StandardInput.Close(); // the script exits when its input closes
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException or IOException)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { /* a temp folder; the OS cleans it eventually */ }
    }

    /// <summary>tests/Testbed/S3 in the source tree, found from the running assembly (or the current folder) upwards.</summary>
    private static string FindFolder()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tests", "Testbed", "S3");
                if (File.Exists(Path.Combine(candidate, "s3-server.mjs"))) return candidate;
            }
        throw new InvalidOperationException(
            $"tests/Testbed/S3/s3-server.mjs not found above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}: run from the repository");
    }
}

/// <summary>An object as read back: its listed size, the bytes actually read, and their hash.</summary>
public sealed record StoredObject(long ListedSize, long ReadSize, string Sha256);
