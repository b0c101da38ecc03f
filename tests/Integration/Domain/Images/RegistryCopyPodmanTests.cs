using System.Text;
using System.Text.Json;
using Docker.DotNet.Models;
using Microsoft.Extensions.DependencyInjection;
using Portal.Contracts.Runs;
using Portal.Domain.Images;
using Portal.Domain.Images.Templates;
using Portal.Domain.Runs;
using Portal.Testbed.Containers;
using Portal.Testbed.Registries;
using Portal.Tests.Integration.Domain.Images.Registry;
using Xunit.Abstractions;

namespace Portal.Tests.Integration.Domain.Images;

/// <summary>The registry copy checked by a container engine: podman runs what was copied, and builds the same template for comparison.</summary>
[Collection(ImageExportCollection.Name)]
public sealed class RegistryCopyPodmanTests(ImageExportFixture fx, ITestOutputHelper output) : IAsyncLifetime
{
    private ServiceProvider _copying = null!;

    public Task InitializeAsync()
    {
        _copying = ImageExportFixture.CreateServices(fx.Podman.Endpoint, EngineUse.WhenNeeded);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _copying.DisposeAsync();

    private AuthConfig TargetAuth => new() { ServerAddress = fx.Target.Host, Username = ImageExportFixture.TargetUser, Password = ImageExportFixture.TargetPassword };

    [Fact]
    public async Task Podman_pulls_the_copied_image_and_runs_it_and_it_prints_the_marker_of_its_source()
    {
        var marker = $"environment image {Guid.NewGuid():N}";
        var layer = await TestLayer.FromFilesAsync(new Dictionary<string, byte[]>
        {
            ["marker.txt"] = Encoding.UTF8.GetBytes(marker + "\n"),
            ["bin/sh"] = await File.ReadAllBytesAsync("/bin/busybox"),
        });
        var source = await new RegistryImages(fx.DominoRegistry).PushImageAsync("domino/runnable", "rev1", new ImageSpec([layer], Cmd: ["/bin/sh"]));
        var (user, project, _) = fx.NewProject("runnable", source.Reference);
        const string template = """
            FROM {DOMINO_DOCKER_IMAGE}
            ENV GREETING="hello from the copy"
            CMD ["/bin/sh", "-c", "cat /marker.txt; echo \"greeting: $GREETING\""]
            """;

        var result = await RegistryCopyOutput.ExportAsync(_copying.GetRequiredService<ImageExporter>(), fx.Request(user, project, template), output);
        var (exit, printed) = await fx.Podman.PullAndRunAsync($"{fx.Target.Host}/team-a/runnable:latest", TargetAuth);
        output.WriteLine(printed);

        Assert.Equal(StatusCode.Completed, result.Status);
        Assert.Equal(ImageExportPath.Registry, result.Path);
        Assert.Equal(0, exit);
        Assert.Equal($"{marker}\ngreeting: hello from the copy\n", printed);
        Assert.Empty(await fx.Images.LocalImagesAsync());
    }

    [Fact]
    public async Task Writes_a_metadata_template_into_the_config_as_the_engine_builds_it()
    {
        var layer = await TestLayer.FromFilesAsync(new Dictionary<string, byte[]> { ["marker.txt"] = "base\n"u8.ToArray() });
        var source = await new RegistryImages(fx.DominoRegistry).PushImageAsync("domino/metadata", "rev1", new ImageSpec([layer],
            Cmd: ["/bin/base-cmd"], Env: ["PATH=/usr/local/bin:/usr/bin:/bin", "HOME=/root"], Labels: new Dictionary<string, string> { ["base"] = "kept" },
            User: "root"));
        var (user, project, _) = fx.NewProject("metadata", source.Reference);
        const string template = """
            # syntax=docker/dockerfile:1
            FROM {DOMINO_DOCKER_IMAGE}
            ARG TOOLS=/opt/tools
            ARG UNUSED
            ENV PATH="$TOOLS/bin:${PATH}" \
                EMPTY= \
                QUOTED='single $NOT_EXPANDED' MIXED="a \"b\" c" DEFAULTED=${MISSING:-fallback} ALT=${HOME:+set}
            ENV LEGACY value with  spaces
            LABEL org.opencontainers.image.title="Churn model" "with space"=yes multi.line="one \
            two"
            LABEL tools=${TOOLS}
            USER 1000:100
            WORKDIR /srv
            WORKDIR app/../data
            EXPOSE 8080 9000/udp
            STOPSIGNAL SIGINT
            ENTRYPOINT ["/bin/entry", "--flag"]
            CMD echo "$HOME and $TOOLS"
            """;

        var copied = await RegistryCopyOutput.ExportAsync(_copying.GetRequiredService<ImageExporter>(), fx.Request(user, project, template), output);
        var built = await RegistryCopyOutput.ExportAsync(fx.Exporter, fx.Request(user, project, template) with { ProjectName = "metadata-built" }, output);

        Assert.Equal(StatusCode.Completed, copied.Status);
        Assert.Equal(ImageExportPath.Registry, copied.Path);
        Assert.Equal(StatusCode.Completed, built.Status);
        Assert.Equal(ImageExportPath.Engine, built.Path);
        var ours = (await fx.Target.GetConfigAsync("team-a/metadata", "latest")).GetProperty("config");
        var engine = (await fx.Target.GetConfigAsync("team-a/metadata-built", "latest")).GetProperty("config");
        output.WriteLine("copy:   " + ours);
        output.WriteLine("engine: " + engine);
        // Env as a set: BuildKit replaces a variable where it stands, podman's builder moves it to the end.
        Assert.Equal(engine.GetProperty("Env").EnumerateArray().Select(e => e.GetString()).Order(StringComparer.Ordinal),
            ours.GetProperty("Env").EnumerateArray().Select(e => e.GetString()).Order(StringComparer.Ordinal));
        foreach (var field in new[] { "User", "WorkingDir", "ExposedPorts", "StopSignal", "Entrypoint", "Cmd" })
            Assert.Equal(Normalized(engine, field), Normalized(ours, field));
        // podman's builder adds its own version label; every label the template set is the same.
        var engineLabels = engine.GetProperty("Labels").EnumerateObject().Where(l => l.Name != "io.buildah.version").ToDictionary(l => l.Name, l => l.Value.GetString());
        Assert.Equal(engineLabels, ours.GetProperty("Labels").EnumerateObject().ToDictionary(l => l.Name, l => l.Value.GetString()));
        Assert.Empty(await fx.Images.LocalImagesAsync());
    }

    /// <summary>A config field as JSON, with object keys sorted (JSON objects have no order).</summary>
    private static string Normalized(JsonElement config, string field)
    {
        if (!config.TryGetProperty(field, out var value)) return "(absent)";
        return value.ValueKind == JsonValueKind.Object
            ? string.Join(",", value.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal))
            : value.ToString();
    }
}
