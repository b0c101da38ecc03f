using Portal.Domain.Images;

namespace Portal.Tests.Unit.Domain.Images;

public sealed class ImageTargetsTests
{
    [Fact]
    public void Names_the_version_and_latest_tags_in_lower_case()
    {
        Assert.True(ImageTargets.TryCreate("https://Registry.Example.com:5000/", "Team-A", "Churn", "5F0aB", 12, out var targets, out _));

        Assert.Equal("registry.example.com:5000/team-a/churn:5f0ab-v12", targets.Version.ToString());
        Assert.Equal("registry.example.com:5000/team-a/churn:latest", targets.Latest.ToString());
    }

    [Fact]
    public void Keeps_a_namespace_that_is_part_of_the_registry_setting()
    {
        Assert.True(ImageTargets.TryCreate("registry.example.com/exports", "g", "p", "e", 1, out var targets, out _));

        Assert.Equal("registry.example.com/exports/g/p:e-v1", targets.Version.ToString());
    }

    [Theory]
    [InlineData("myregistry", "g", "p", "is not a registry host")]
    [InlineData("r.io", "g__-x", "p", "is not a valid repository")]
    [InlineData("r.io", "g", "p", "is not a valid tag")]
    public void Rejects_names_that_are_not_valid_references(string registry, string group, string project, string reason)
    {
        var environmentId = reason.Contains("tag", StringComparison.Ordinal) ? new string('e', 130) : "e";

        Assert.False(ImageTargets.TryCreate(registry, group, project, environmentId, 1, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
