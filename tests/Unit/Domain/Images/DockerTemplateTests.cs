using Portal.Domain.Images;

namespace Portal.Tests.Unit.Domain.Images;

public sealed class DockerTemplateTests
{
    private static readonly ImageReference Source = new("quay.example.com", "domino/env", "42", null);

    [Fact]
    public void Replaces_only_the_placeholder_and_leaves_other_braces_alone()
    {
        var text = "FROM {DOMINO_DOCKER_IMAGE}\nLABEL source=\"{DOMINO_DOCKER_IMAGE}\" team=\"{data}\"\nRUN echo ${HOME} {0}\n";

        Assert.True(DockerTemplate.TryCreate(text, out var template, out _));

        Assert.Equal("FROM quay.example.com/domino/env:42\nLABEL source=\"quay.example.com/domino/env:42\" team=\"{data}\"\nRUN echo ${HOME} {0}\n",
            template.Render(Source));
    }

    [Theory]
    [InlineData("FROM {DOMINO_DOCKER_IMAGE}")]
    [InlineData("from {DOMINO_DOCKER_IMAGE} AS base\nRUN true")]
    [InlineData("# syntax=docker/dockerfile:1\n\n# exported\r\nFROM {DOMINO_DOCKER_IMAGE}\r\nENV A=1\r\n")]
    public void Accepts_a_template_whose_first_instruction_is_the_FROM_placeholder(string text)
    {
        Assert.True(DockerTemplate.TryCreate(text, out var template, out _));
        Assert.DoesNotContain('\r', template.Text);
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("# only a comment\n", "is empty")]
    [InlineData("FROM python:3.12", "first instruction is 'FROM python:3.12'")]
    [InlineData("ARG X=1\nFROM {DOMINO_DOCKER_IMAGE}", "first instruction is 'ARG X=1'")]
    [InlineData("FROM {DOMINO_DOCKER_IMAGE}:extra", "first instruction is")]
    public void Rejects_a_template_that_does_not_start_with_the_FROM_placeholder(string text, string reason)
    {
        Assert.False(DockerTemplate.TryCreate(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Fingerprints_the_template_and_the_target_names()
    {
        ImageTargets.TryCreate("r.io", "g", "p", "e", 1, out var targets, out _);
        ImageTargets.TryCreate("r.io", "g", "other", "e", 1, out var renamed, out _);
        DockerTemplate.TryCreate("FROM {DOMINO_DOCKER_IMAGE}\n", out var standard, out _);
        DockerTemplate.TryCreate("FROM {DOMINO_DOCKER_IMAGE}\r\n", out var windows, out _);
        DockerTemplate.TryCreate("FROM {DOMINO_DOCKER_IMAGE}\nLABEL a=b\n", out var labelled, out _);

        Assert.Equal(standard!.Fingerprint(targets!), windows!.Fingerprint(targets!));
        Assert.NotEqual(standard.Fingerprint(targets!), labelled!.Fingerprint(targets!));
        Assert.NotEqual(standard.Fingerprint(targets!), standard.Fingerprint(renamed!));
    }
}
