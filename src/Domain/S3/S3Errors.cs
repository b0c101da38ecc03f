using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Portal.Domain.Runs;
using Portal.Contracts.Runs;

namespace Portal.Domain.S3;

/// <summary>Turns what S3 answered into a status code and a sentence a person understands.</summary>
public static class S3Errors
{
    private static readonly HashSet<string> CredentialErrors = new(StringComparer.Ordinal)
    {
        "InvalidAccessKeyId", "SignatureDoesNotMatch", "AccessDenied", "InvalidToken", "ExpiredToken",
        "TokenRefreshRequired", "InvalidClientTokenId", "AllAccessDisabled", "AccountProblem",
    };

    public static ExportException ToExportException(Exception error, S3Target target, string doing)
    {
        var details = error.ToString();
        switch (error)
        {
            case AmazonS3Exception { ErrorCode: "NoSuchBucket" }:
                return new ExportException(StatusCode.S3BucketNotFound,
                    $"The S3 bucket '{target.Bucket}' does not exist (while {doing})", details, error);
            case AmazonS3Exception s3 when CredentialErrors.Contains(s3.ErrorCode ?? "")
                                          || s3.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized:
                return new ExportException(StatusCode.S3AccessDenied,
                    $"The S3 target refused the credentials for bucket '{target.Bucket}' (while {doing}): {s3.ErrorCode} {s3.Message}",
                    details, error);
            case AmazonS3Exception { ErrorCode: "InvalidStorageClass" }:
                return new ExportException(StatusCode.S3Error,
                    $"The S3 target does not accept the storage class '{target.StorageClass}'", details, error);
            case AmazonS3Exception s3:
                return new ExportException(StatusCode.S3Error,
                    $"S3 answered {(int)s3.StatusCode} {s3.ErrorCode} while {doing}: {s3.Message}", details, error);
            case AmazonClientException or AmazonServiceException or HttpRequestException:
                return new ExportException(StatusCode.S3Error,
                    $"The S3 target {target.Endpoint?.ToString() ?? target.Region} could not be reached while {doing}: {error.Message}",
                    details, error);
            default:
                return new ExportException(StatusCode.UnknownError, $"An unexpected error has occurred: {error.GetType().Name}",
                    details, error);
        }
    }

    /// <summary>True for errors S3 raises for a missing object (GetObject, HeadObject).</summary>
    public static bool IsNotFound(AmazonS3Exception e) =>
        e.ErrorCode is "NoSuchKey" or "NotFound" || (e.StatusCode == HttpStatusCode.NotFound && e.ErrorCode != "NoSuchBucket");

    public static bool IsS3Failure(Exception e) => e is AmazonServiceException or AmazonClientException;
}
