using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Portal.Domain.S3;

public interface IS3ClientFactory
{
    /// <summary>A client for one target whose requests follow <paramref name="policy"/> (default: <see cref="S3RequestPolicy.Default"/>). The caller disposes it.</summary>
    IAmazonS3 Create(S3Target target, S3RequestPolicy? policy = null);
}

internal sealed class S3ClientFactory(TimeProvider? time = null) : IS3ClientFactory
{
    public IAmazonS3 Create(S3Target target, S3RequestPolicy? policy = null)
    {
        var config = new AmazonS3Config
        {
            RegionEndpoint = RegionEndpoint.GetBySystemName(target.Region),
            HttpClientFactory = new S3HttpClientFactory(policy ?? S3RequestPolicy.Default, time ?? TimeProvider.System),
            // S3Store retries itself (back-off within a file's attempts), so that every retry is seen and bounded once.
            MaxErrorRetry = 0,
            // The SDK copies a request body to the connection through a buffer of this size (8 KiB by default):
            // an 8 MiB part was a thousand small writes. Buffers are rented per request in flight.
            BufferSize = 256 * 1024,
        };
        if (target.Endpoint is { } endpoint)
        {
            config.ServiceURL = endpoint.ToString();
            config.AuthenticationRegion = target.Region;
            config.ForcePathStyle = true;
            // Many S3-compatible stores (and the test server) reject the aws-chunked bodies the SDK
            // sends to carry its default trailing checksums; AWS itself keeps the SDK defaults.
            config.RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED;
            config.ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED;
        }
        var client = target.Credentials is { } c
            ? new AmazonS3Client(new BasicAWSCredentials(c.AccessKey, c.SecretKey), config)
            : new AmazonS3Client(config);
        client.BeforeRequestEvent += SignWithKnownChecksum;
        return client;
    }

    /// <summary>
    /// A body that carries its SHA-256 (x-amz-checksum-sha256, which S3 checks) is signed with that same digest
    /// (x-amz-content-sha256, in hex), rather than the signer reading the body once more to hash it again.
    /// </summary>
    private static void SignWithKnownChecksum(object sender, RequestEventArgs e)
    {
        if (e is not WebServiceRequestEventArgs { Request: var request } args) return;
        var checksum = request switch
        {
            PutObjectRequest put => put.ChecksumSHA256,
            UploadPartRequest part => part.ChecksumSHA256,
            _ => null,
        };
        if (checksum is { Length: > 0 } && !args.Headers.ContainsKey(ContentSha256Header))
            args.Headers[ContentSha256Header] = Convert.ToHexStringLower(Convert.FromBase64String(checksum));
    }

    private const string ContentSha256Header = "x-amz-content-sha256";
}
