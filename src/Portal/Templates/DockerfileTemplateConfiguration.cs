using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Templates;

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
