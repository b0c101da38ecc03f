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

internal sealed class DockerfileTemplateConfiguration : IEntityTypeConfiguration<DockerfileTemplate>
{
    public void Configure(EntityTypeBuilder<DockerfileTemplate> e)
    {
        e.Property(t => t.Name).HasMaxLength(100);
        e.HasIndex(t => t.Name).IsUnique();
        // The standard template exists from the first migration on, on every node, with no seeding race.
        e.HasData(new DockerfileTemplate
        {
            Id = DockerfileTemplate.StandardId,
            Name = DockerfileTemplate.StandardName,
            Content = DockerfileTemplate.StandardContent,
            IsStandard = true,
            CreatedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
            UpdatedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        });
    }
}
