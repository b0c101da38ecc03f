using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Templates;

/// <summary>A Dockerfile template; its first line is the FROM placeholder the source image replaces.</summary>
public sealed class DockerfileTemplate
{
    public const int StandardId = 1;
    public const string StandardName = "Standard";
    public const string StandardContent = "FROM {DOMINO_DOCKER_IMAGE}\n";

    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Content { get; set; }
    public bool IsStandard { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
