using Microsoft.AspNetCore.Components;
using Portal.Contracts.Connections;

namespace Portal.Client.Connections;

public sealed partial class S3TargetDialog
{
    private S3TargetForm model = new();

    [Parameter] public S3TargetDto? Existing { get; set; }

    [Parameter] public IReadOnlyList<string> StorageClasses { get; set; } = ["STANDARD"];

    protected override void OnInitialized()
    {
        if (Existing is { } s)
            model = new()
            {
                Name = s.Name, Bucket = s.Bucket, Prefix = s.Prefix, Region = s.Region, EndpointUrl = s.EndpointUrl,
                AccessKeyId = s.AccessKeyId, StorageClass = s.StorageClass,
            };
    }
}
