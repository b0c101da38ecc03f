using Microsoft.Extensions.Options;
using Portal.Domain.Images;
using Portal.Domain.Images.Templates;

namespace Portal.Tests.Unit.Domain.Images.Templates;

public sealed class TemplatePlanTests
{
    private static TemplatePlan Plan(string text)
    {
        Assert.True(DockerTemplate.TryCreate(text, out var template, out var error), error);
        return TemplatePlan.For(template);
    }

    [Theory]
    [InlineData("FROM {DOMINO_DOCKER_IMAGE}\n", "only names the environment's image: copied registry to registry")]
    [InlineData("FROM {DOMINO_DOCKER_IMAGE}\nLABEL a=b\nENV C=d\n", "only sets labels and environment: copied registry to registry")]
    [InlineData("FROM {DOMINO_DOCKER_IMAGE}\nUSER 1000\nWORKDIR /app\nCMD [\"run\"]\n", "only sets the user, the working directory and the command: copied registry to registry")]
    [InlineData("# syntax=docker/dockerfile:1.7\nFROM {DOMINO_DOCKER_IMAGE}\nEXPOSE 80 443/tcp 9000-9001/udp\nSTOPSIGNAL SIGTERM\nENTRYPOINT /bin/x\n",
        "only sets exposed ports, the stop signal and the entrypoint: copied registry to registry")]
    public void A_template_that_only_sets_metadata_is_copied_registry_to_registry(string text, string reason)
    {
        var plan = Plan(text);

        Assert.Equal(ImageExportPath.Registry, plan.Path);
        Assert.Equal(reason, plan.Reason);
    }

    [Theory]
    [InlineData("FROM {DOMINO_DOCKER_IMAGE}\nLABEL a=b\nRUN pip install x\n", "RUN on line 3 needs a build engine")]
    [InlineData("FROM {DOMINO_DOCKER_IMAGE}\n\n# copy the tools\nCOPY tools /tools\n", "COPY on line 4 needs a build engine")]
    [InlineData("FROM {DOMINO_DOCKER_IMAGE}\nadd https://example.com/x /x\n", "ADD on line 2 needs a build engine")]
    [InlineData("FROM {DOMINO_DOCKER_IMAGE}\nHEALTHCHECK CMD true\n", "HEALTHCHECK on line 2 is only applied by a build engine")]
    [InlineData("FROM {DOMINO_DOCKER_IMAGE} AS base\nFROM base\n", "a second FROM on line 2 (a multi-stage build) needs a build engine")]
    [InlineData("# syntax=example.com/my/frontend:1\nFROM {DOMINO_DOCKER_IMAGE}\n", "its # syntax=example.com/my/frontend:1 line selects another Dockerfile frontend")]
    [InlineData("FROM {DOMINO_DOCKER_IMAGE}\nENV A=${B/x/y}\n", "ENV on line 2: '${B/x/y}' uses ${B/…}, which only a build applies")]
    [InlineData("FROM {DOMINO_DOCKER_IMAGE}\nARG BUILDARCH\n", "ARG on line 2: BUILDARCH describes the build machine, and a copy has none")]
    [InlineData("FROM {DOMINO_DOCKER_IMAGE}\nEXPOSE http\n", "EXPOSE on line 2: 'http' is not a port (a build would fail on it)")]
    [InlineData("FROM {DOMINO_DOCKER_IMAGE}\nSTOPSIGNAL SIGNOPE\n", "STOPSIGNAL on line 2: 'SIGNOPE' is not a signal")]
    [InlineData("FROM {DOMINO_DOCKER_IMAGE}\nLABEL single\n", "LABEL on line 2: LABEL needs a name and a value")]
    [InlineData("FROM {DOMINO_DOCKER_IMAGE}\nCMD [\"a\", 1]\n", "CMD on line 2: its JSON array holds something other than strings")]
    public void A_template_a_copy_cannot_apply_faithfully_keeps_the_engine_path_and_says_why(string text, string reason)
    {
        var plan = Plan(text);

        Assert.Equal(ImageExportPath.Engine, plan.Path);
        Assert.StartsWith(reason, plan.Reason, StringComparison.Ordinal);
        Assert.Empty(plan.Instructions);
    }

    [Fact]
    public void Reads_continuation_lines_comments_and_the_escape_directive_as_Docker_does()
    {
        var backslash = Plan("FROM {DOMINO_DOCKER_IMAGE}\nENV A=1 \\\n# a comment inside\n    B=2\nLABEL x=y\n");
        var backtick = Plan("# escape=`\nFROM {DOMINO_DOCKER_IMAGE}\nENV PATH=C:\\tools `\n    B=2\n");

        Assert.Equal(["ENV A=1     B=2", "LABEL x=y"], backslash.Instructions.Select(i => i.ToString()));
        Assert.Equal([2, 5], backslash.Instructions.Select(i => i.Line));
        Assert.Equal('`', backtick.Escape);
        Assert.Equal("ENV PATH=C:\\tools     B=2", Assert.Single(backtick.Instructions).ToString());
    }

    [Fact]
    public void The_planner_sends_every_template_to_the_engine_when_configured_so_and_answers_for_invalid_text()
    {
        var always = new ImageExportPlanner(Options.Create(new ImagesOptions { Engine = EngineUse.Always }));
        var whenNeeded = new ImageExportPlanner(Options.Create(new ImagesOptions()));

        Assert.Equal(ImageExportPath.Engine, always.Plan("FROM {DOMINO_DOCKER_IMAGE}\n")!.Path);
        Assert.Equal("Images:Engine is Always: built by the Docker engine", always.Plan("FROM {DOMINO_DOCKER_IMAGE}\n")!.Reason);
        Assert.False(whenNeeded.NeedsEngine("FROM {DOMINO_DOCKER_IMAGE}\nLABEL a=b\n"));
        Assert.True(whenNeeded.NeedsEngine("FROM {DOMINO_DOCKER_IMAGE}\nRUN true\n"));
        Assert.Null(whenNeeded.Plan("FROM python:3\n"));
        Assert.False(whenNeeded.NeedsEngine("FROM python:3\n"));
    }
}
