using Portal.Domain.Runs;
using Portal.Domain.S3;
using Portal.Testbed.Domino;
using Portal.Testbed.S3;
using Portal.Contracts.Runs;

namespace Portal.Tests.Integration.Domain.S3;

public sealed class S3StoreTests : IAsyncLifetime
{
    private const string Bucket = "store";
    private S3Server _s3 = null!;

    public async Task InitializeAsync() => _s3 = await S3Server.StartAsync(Bucket);

    public async Task DisposeAsync() => await _s3.DisposeAsync();

    private S3Store Store(S3Target? target = null) => new(_s3.Client, target ?? _s3.Target(Bucket));

    [Fact]
    public async Task Copies_an_object_above_the_single_copy_limit_part_by_part_with_its_metadata()
    {
        var content = TestContent.Generated(12 * 1024 * 1024 + 5, seed: 9);
        var uploader = new StreamingUploader(Store(), new PartBuffers(5 * 1024 * 1024, 4), maxPartsInFlight: 2);
        await using (var source = content.Open())
            await uploader.UploadAsync(source, content.Length, "big/source.bin", new Dictionary<string, string> { ["domino-blob-key"] = "k1" },
                _ => { }, default);
        var store = new S3Store(_s3.Client, _s3.Target(Bucket)) { SingleCopyLimit = 5 * 1024 * 1024, CopyPartSize = 5 * 1024 * 1024 };

        await store.CopyAsync("big/source.bin", "big/copy.bin", content.Length, null, default);

        var copy = await store.HashAsync("big/copy.bin", default);
        Assert.Equal((content.Length, content.Sha256()), (copy.Size, copy.Sha256));
        Assert.Equal("k1", (await store.GetMetadataAsync("big/copy.bin", default))!["domino-blob-key"]);
    }

    [Fact]
    public async Task The_server_checks_SHA256_checksums_as_S3_does_and_refuses_bytes_that_differ()
    {
        var body = "checked bytes"u8.ToArray();
        var right = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(body));
        var wrong = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData("other bytes"u8.ToArray()));

        var refused = await Assert.ThrowsAsync<Amazon.S3.AmazonS3Exception>(() => _s3.Client.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest
        {
            BucketName = Bucket, Key = "checksum/refused.txt", InputStream = new MemoryStream(body), ChecksumSHA256 = wrong,
        }));
        var accepted = await _s3.Client.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest
        {
            BucketName = Bucket, Key = "checksum/accepted.txt", InputStream = new MemoryStream(body), ChecksumSHA256 = right,
        });

        Assert.Equal("BadDigest", refused.ErrorCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Null(await Store().GetMetadataAsync("checksum/refused.txt", default));
        Assert.Equal(right, accepted.ChecksumSHA256);
    }

    [Fact]
    public async Task Started_for_the_file_benchmark_the_server_stores_a_checksummed_body_without_hashing_it()
    {
        await using var unverified = await S3Server.StartAsync([Bucket], strictSignatures: false, verifyChecksums: false);
        var body = "unhashed bytes"u8.ToArray();
        var wrong = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData("other bytes"u8.ToArray()));

        await unverified.Client.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest
        {
            BucketName = Bucket, Key = "checksum/unverified.txt", InputStream = new MemoryStream(body), ChecksumSHA256 = wrong,
        });

        using var stored = await unverified.Client.GetObjectAsync(Bucket, "checksum/unverified.txt");
        using var read = new MemoryStream();
        await stored.ResponseStream.CopyToAsync(read);
        Assert.Equal(body, read.ToArray());
    }

    [Fact]
    public async Task Every_write_carries_its_SHA256_and_the_server_confirms_each_part()
    {
        var store = Store();
        var bytes = new byte[5 * 1024 * 1024];
        new Random(4).NextBytes(bytes);
        var part = new ArraySegment<byte>(bytes);
        var uploadId = await store.StartMultipartAsync("checksum/multi.bin", null, default);

        var etag = await store.UploadPartAsync("checksum/multi.bin", uploadId, 1, part, default);
        await store.CompleteMultipartAsync("checksum/multi.bin", uploadId, [etag], default);
        await store.PutAsync("checksum/single.txt", "one go"u8.ToArray(), null, null, default);

        // The server answers with x-amz-checksum-sha256 only for a request that sent it, after checking the bytes.
        Assert.Equal(Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(part)), etag.ChecksumSHA256);
        Assert.Equal(5 * 1024 * 1024, (await store.HashAsync("checksum/multi.bin", default)).Size);
        Assert.Equal(6, (await store.HashAsync("checksum/single.txt", default)).Size);
    }

    [Fact]
    public async Task Refuses_content_longer_than_announced_and_leaves_no_upload_behind()
    {
        var uploader = new StreamingUploader(Store(), new PartBuffers(5 * 1024 * 1024, 4), maxPartsInFlight: 2);
        var content = TestContent.Generated(11 * 1024 * 1024, seed: 2);

        await using var source = content.Open();
        var error = await Assert.ThrowsAsync<ContentLengthException>(() =>
            uploader.UploadAsync(source, 10 * 1024 * 1024, "long.bin", new Dictionary<string, string>(), _ => { }, default));

        Assert.True(error.Actual > error.Expected);
        Assert.Null(await Store().GetMetadataAsync("long.bin", default));
        Assert.Equal(0, await Store().AbortUploadsAsync("long", default));
    }

    [Fact]
    public async Task Refuses_content_shorter_than_announced()
    {
        var uploader = new StreamingUploader(Store(), new PartBuffers(5 * 1024 * 1024, 4), maxPartsInFlight: 2);

        var error = await Assert.ThrowsAsync<ContentLengthException>(() =>
            uploader.UploadAsync(new MemoryStream(new byte[10]), 20, "short.bin", new Dictionary<string, string>(), _ => { }, default));

        Assert.Equal((20, 10), (error.Expected, error.Actual));
        Assert.Null(await Store().GetMetadataAsync("short.bin", default));
    }

    [Fact]
    public async Task Maps_a_missing_bucket_to_141()
    {
        var error = await Assert.ThrowsAsync<ExportException>(() => Store(_s3.Target("missing")).ListAsync("", default));

        Assert.Equal(StatusCode.S3BucketNotFound, error.Code);
    }

    [Fact]
    public async Task A_server_that_checks_signatures_refuses_a_wrong_secret_with_142()
    {
        await using var strict = await S3Server.StartAsync([Bucket], strictSignatures: true);
        var right = new S3Store(strict.Client, strict.Target(Bucket));
        var wrongTarget = strict.Target(Bucket) with { Credentials = new S3Credentials(S3Server.Credentials.AccessKey, "wrong secret") };
        using var wrongClient = new S3ClientFactory().Create(wrongTarget);
        var wrong = new S3Store(wrongClient, wrongTarget);

        var found = await right.GetTextAsync("nothing-here", default);
        var error = await Assert.ThrowsAsync<ExportException>(() => wrong.GetTextAsync("nothing-here", default));

        Assert.Null(found); // the right secret gets through to "no such key"
        Assert.Equal(StatusCode.S3AccessDenied, error.Code);
        Assert.Contains("SignatureDoesNotMatch", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Uses_path_style_and_required_only_checksums_for_custom_endpoints_but_SDK_defaults_for_AWS()
    {
        using var custom = new S3ClientFactory().Create(_s3.Target(Bucket));
        using var aws = new S3ClientFactory().Create(new S3Target("bucket", Region: "eu-west-1"));

        var c = (Amazon.S3.AmazonS3Config)custom.Config;
        var a = (Amazon.S3.AmazonS3Config)aws.Config;
        Assert.True(c.ForcePathStyle);
        Assert.Equal(Amazon.Runtime.RequestChecksumCalculation.WHEN_REQUIRED, c.RequestChecksumCalculation);
        Assert.False(a.ForcePathStyle);
        Assert.Equal(Amazon.Runtime.RequestChecksumCalculation.WHEN_SUPPORTED, a.RequestChecksumCalculation);
        Assert.Equal("eu-west-1", a.RegionEndpoint.SystemName);
    }

    [Fact]
    public async Task Writes_and_deletes_on_condition_as_S3_does()
    {
        var store = Store();
        var etag = await store.PutAsync("cond/manifest.json", "one"u8.ToArray(), null, "application/json", default, condition: S3Condition.Absent);

        await Assert.ThrowsAsync<S3PreconditionFailedException>(() =>
            store.PutAsync("cond/manifest.json", "two"u8.ToArray(), null, null, default, condition: S3Condition.Absent));
        await Assert.ThrowsAsync<S3PreconditionFailedException>(() =>
            store.PutAsync("cond/manifest.json", "two"u8.ToArray(), null, null, default, condition: S3Condition.Matches("0123456789abcdef0123456789abcdef")));
        await Assert.ThrowsAsync<S3PreconditionFailedException>(() => store.DeleteIfMatchAsync("cond/manifest.json", "0123456789abcdef0123456789abcdef", default));
        Assert.Equal("one", await store.GetTextAsync("cond/manifest.json", default));

        var replaced = await store.PutAsync("cond/manifest.json", "two"u8.ToArray(), null, null, default, condition: S3Condition.Matches(etag));
        await store.DeleteIfMatchAsync("cond/manifest.json", replaced, default);
        await store.DeleteIfMatchAsync("cond/manifest.json", replaced, default); // gone already: done

        Assert.NotEqual(etag, replaced);
        Assert.Null(await store.GetTextAsync("cond/manifest.json", default));
    }

    [Fact]
    public async Task Finds_out_whether_a_store_honours_conditional_writes_and_leaves_no_probe_behind()
    {
        await using var ignoring = await S3Server.StartAsync([Bucket], strictSignatures: false, conditionalWrites: false);

        Assert.True(await Store().SupportsConditionalWritesAsync("probe/conditional-write-probe", default));
        Assert.False(await new S3Store(ignoring.Client, ignoring.Target(Bucket)).SupportsConditionalWritesAsync("probe/conditional-write-probe", default));
        Assert.Empty(await Store().ListAsync("probe/", default));
        Assert.Empty(await new S3Store(ignoring.Client, ignoring.Target(Bucket)).ListAsync("probe/", default));
    }

    [Fact]
    public void Never_shows_the_secret_key()
    {
        var target = new S3Target("b", Credentials: new S3Credentials("AKIA", "very-secret"));

        Assert.DoesNotContain("very-secret", target.ToString(), StringComparison.Ordinal);
    }
}
