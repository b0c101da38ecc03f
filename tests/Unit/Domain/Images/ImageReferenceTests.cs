using Portal.Domain.Images;

namespace Portal.Tests.Unit.Domain.Images;

public sealed class ImageReferenceTests
{
    [Theory]
    [InlineData("quay.example.com:5000/domino/env:42", "quay.example.com:5000", "domino/env", "42", null)]
    [InlineData("localhost/env", "localhost", "env", null, null)]
    [InlineData("domino/env:1", null, "domino/env", "1", null)]
    [InlineData("r.io/a/b@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "r.io", "a/b", null,
        "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void Splits_a_reference_into_registry_repository_tag_and_digest(string text, string? registry, string repository, string? tag, string? digest)
    {
        Assert.True(ImageReference.TryParse(text, out var reference, out _));

        Assert.Equal(new ImageReference(registry, repository, tag, digest), reference);
        Assert.Equal(text, reference.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("r.io/Team/env:1")]
    [InlineData("r.io/team a/env:1")]
    [InlineData("r.io/-team/env:1")]
    [InlineData("r.io/team/env:bad tag")]
    [InlineData("r.io/team/env:ünïcode")]
    [InlineData("r.io/team/env@sha256:short")]
    public void Rejects_what_Docker_would_reject(string text)
    {
        Assert.False(ImageReference.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Asks_the_engine_for_latest_when_no_tag_is_given()
    {
        Assert.True(ImageReference.TryParse("r.io/team/env", out var reference, out _));

        Assert.Equal("latest", reference.TagOrDigest);
        Assert.Equal("r.io/team/env", reference.Name);
    }
}
