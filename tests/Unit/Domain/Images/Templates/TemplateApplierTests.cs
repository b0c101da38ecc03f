using System.Text;
using System.Text.Json;
using Portal.Domain.Images;
using Portal.Domain.Images.Templates;
using Portal.Contracts.Runs;
using Portal.Domain.Runs;

namespace Portal.Tests.Unit.Domain.Images.Templates;

public sealed class TemplateApplierTests
{
    private const string Base = """
        {"architecture":"arm64","variant":"v8","os":"linux","created":"2024-05-01T00:00:00Z","author":"someone",
         "config":{"Env":["PATH=/usr/bin:/bin","LANG=C"],"Cmd":["/bin/base"],"Labels":{"base":"kept"},"WorkingDir":"/opt"},
         "rootfs":{"type":"layers","diff_ids":["sha256:aa"]},
         "history":[{"created":"2024-05-01T00:00:00Z","created_by":"COPY . /"}],
         "x-unknown":{"kept":[1,2.50,"three"]}}
        """;

    private static JsonElement Apply(string template, string config = Base)
    {
        Assert.True(DockerTemplate.TryCreate("FROM {DOMINO_DOCKER_IMAGE}\n" + template, out var t, out var error), error);
        var plan = TemplatePlan.For(t);
        Assert.Equal(ImageExportPath.Registry, plan.Path);
        return JsonDocument.Parse(TemplateApplier.Apply(plan, Encoding.UTF8.GetBytes(config))).RootElement;
    }

    private static string[] Env(JsonElement c) => c.GetProperty("config").GetProperty("Env").EnumerateArray().Select(e => e.GetString()!).ToArray();

    [Fact]
    public void Replaces_an_environment_variable_where_it_stands_and_expands_against_what_came_before()
    {
        var c = Apply("ENV PATH=/opt/bin:$PATH A=1\nENV A=2 B=$A\nENV LEGACY some value\n");

        Assert.Equal(["PATH=/opt/bin:/usr/bin:/bin", "LANG=C", "A=2", "B=1", "LEGACY=some value"], Env(c));
    }

    [Fact]
    public void Build_arguments_feed_the_expansion_and_TARGETARCH_is_the_images_own()
    {
        var c = Apply("ARG TEAM=data\nARG TARGETARCH\nARG TARGETPLATFORM\nLABEL team=$TEAM arch=$TARGETARCH platform=$TARGETPLATFORM\n");
        var labels = c.GetProperty("config").GetProperty("Labels");

        Assert.Equal("kept", labels.GetProperty("base").GetString());
        Assert.Equal("data", labels.GetProperty("team").GetString());
        Assert.Equal("arm64", labels.GetProperty("arch").GetString());
        Assert.Equal("linux/arm64/v8", labels.GetProperty("platform").GetString());
        Assert.DoesNotContain(Env(c), e => e.StartsWith("TEAM=", StringComparison.Ordinal)); // build arguments do not persist
    }

    [Fact]
    public void An_ENTRYPOINT_drops_the_base_images_CMD_but_not_one_the_template_set_before_it()
    {
        var dropped = Apply("ENTRYPOINT [\"/entry\"]\n").GetProperty("config");
        var kept = Apply("CMD [\"arg\"]\nENTRYPOINT /entry --x\n").GetProperty("config");

        Assert.Equal(JsonValueKind.Null, dropped.GetProperty("Cmd").ValueKind);
        Assert.Equal(["arg"], kept.GetProperty("Cmd").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["/bin/sh", "-c", "/entry --x"], kept.GetProperty("Entrypoint").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Sets_user_working_directory_ports_and_stop_signal()
    {
        var c = Apply("USER app\nWORKDIR data/../srv\nEXPOSE 80 9000-9002/UDP\nSTOPSIGNAL 15\n").GetProperty("config");

        Assert.Equal("app", c.GetProperty("User").GetString());
        Assert.Equal("/opt/srv", c.GetProperty("WorkingDir").GetString());
        Assert.Equal(["80/tcp", "9000/udp", "9001/udp", "9002/udp"], c.GetProperty("ExposedPorts").EnumerateObject().Select(p => p.Name));
        Assert.Equal("15", c.GetProperty("StopSignal").GetString());
    }

    [Fact]
    public void Adds_a_history_entry_per_instruction_without_a_layer_and_keeps_everything_else()
    {
        var c = Apply("LABEL a=b\nUSER x\n");

        var history = c.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(3, history.Count);
        Assert.Equal(["LABEL a=b", "USER x"], history.Skip(1).Select(h => h.GetProperty("created_by").GetString()));
        Assert.All(history.Skip(1), h =>
        {
            Assert.True(h.GetProperty("empty_layer").GetBoolean());
            Assert.Equal("2024-05-01T00:00:00Z", h.GetProperty("created").GetString());
        });
        Assert.Equal("2024-05-01T00:00:00Z", c.GetProperty("created").GetString());
        Assert.Equal("someone", c.GetProperty("author").GetString());
        Assert.Equal("""{"kept":[1,2.50,"three"]}""", c.GetProperty("x-unknown").GetRawText());
        Assert.Equal(["sha256:aa"], c.GetProperty("rootfs").GetProperty("diff_ids").EnumerateArray().Select(d => d.GetString()));
    }

    [Fact]
    public void Gives_the_same_bytes_for_the_same_config_and_template()
    {
        Assert.True(DockerTemplate.TryCreate("FROM {DOMINO_DOCKER_IMAGE}\nLABEL a=b\n", out var t, out _));
        var plan = TemplatePlan.For(t);

        Assert.Equal(TemplateApplier.Apply(plan, Encoding.UTF8.GetBytes(Base)), TemplateApplier.Apply(plan, Encoding.UTF8.GetBytes(Base)));
    }

    [Fact]
    public void Adds_no_history_to_an_image_without_one()
    {
        var c = Apply("LABEL a=b\n", """{"os":"linux","architecture":"amd64","rootfs":{"type":"layers","diff_ids":[]}}""");

        Assert.False(c.TryGetProperty("history", out _));
        Assert.Equal("b", c.GetProperty("config").GetProperty("Labels").GetProperty("a").GetString());
    }

    [Fact]
    public void A_value_a_build_would_refuse_fails_the_run_with_117()
    {
        Assert.True(DockerTemplate.TryCreate("FROM {DOMINO_DOCKER_IMAGE}\nARG SIG=NOPE\nSTOPSIGNAL $SIG\n", out var t, out _));

        var e = Assert.Throws<ExportException>(() => TemplateApplier.Apply(TemplatePlan.For(t), Encoding.UTF8.GetBytes(Base)));

        Assert.Equal(StatusCode.DockerTemplateError, e.Code);
        Assert.Equal("STOPSIGNAL on line 3 of the Dockerfile template: 'NOPE' is not a signal (a build would fail on it)", e.Message);
    }
}
