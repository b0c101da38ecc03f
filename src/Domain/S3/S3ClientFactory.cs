using Amazon;
using Amazon.Runtime;
using Amazon.S3;

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
        return target.Credentials is { } c
            ? new AmazonS3Client(new BasicAWSCredentials(c.AccessKey, c.SecretKey), config)
            : new AmazonS3Client(config);
    }
}
