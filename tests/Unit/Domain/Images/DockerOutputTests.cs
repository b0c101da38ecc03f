using Docker.DotNet.Models;
using Portal.Domain.Images.Engine;

namespace Portal.Tests.Unit.Domain.Images;

public sealed class DockerOutputTests
{
    private const string Digest = "sha256:a82e3df5a1c586c1ec5f128081a7e61a5485efade672eaaa576c58837c9a6c41";

    [Fact]
    public void Keeps_the_first_error_of_a_stream_that_otherwise_looks_fine()
    {
        var output = new DockerOutput(keepLines: 10);

        output.Report(new JSONMessage { Stream = "Step 1/2 : FROM x\n" });
        output.Report(new JSONMessage { Error = new JSONError { Message = "manifest unknown" }, ErrorMessage = "manifest unknown" });
        output.Report(new JSONMessage { ErrorMessage = "a later error" });

        Assert.Equal("manifest unknown", output.Error);
        Assert.Equal(["Step 1/2 : FROM x", "ERROR: manifest unknown", "ERROR: a later error"], output.Tail);
    }

    [Fact]
    public void Reads_the_pushed_digest_from_dockers_aux_record_or_podmans_status_line()
    {
        var docker = new DockerOutput(10);
        var podman = new DockerOutput(10);

        docker.Report(new JSONMessage { Aux = new ObjectExtensionData { ExtensionData = new Dictionary<string, object> { ["Tag"] = "v1", ["Digest"] = Digest, ["Size"] = 528 } } });
        podman.Report(new JSONMessage { Status = $"e1-v1: digest: {Digest} size: 588" });

        Assert.Equal(Digest, docker.Digest);
        Assert.Equal(Digest, podman.Digest);
        Assert.Null(docker.Error);
    }

    [Fact]
    public void Keeps_only_the_last_lines()
    {
        var output = new DockerOutput(keepLines: 3);

        output.Report(new JSONMessage { Stream = "1\n2\n3\n\n4\n5\n" });

        Assert.Equal(["3", "4", "5"], output.Tail);
    }

    [Fact]
    public void Counts_the_bytes_of_each_layer_once_from_dockers_progress_details()
    {
        var progress = new RecordingProgress();
        var meter = new TransferMeter(progress);
        var output = new DockerOutput(10, meter);
        meter.BeginPhase("pull");

        output.Report(Layer("a", "Downloading", 100, 1000));
        output.Report(Layer("b", "Downloading", 50, 500));
        output.Report(Layer("a", "Downloading", 600, 1000));
        output.Report(new JSONMessage { ID = "a", Status = "Download complete" });
        output.Report(Layer("b", "Downloading", 500, 500));
        meter.EndPhase(layers: 2, bytes: 1500);

        Assert.Equal((2, 1500L), progress.LastTotals);
        Assert.Equal(1500, progress.TransferredBytes);
    }

    [Fact]
    public void Measures_a_phase_by_the_image_size_when_the_engine_sends_no_byte_counts()
    {
        var progress = new RecordingProgress();
        var meter = new TransferMeter(progress);
        meter.BeginPhase("push");

        new DockerOutput(10, meter).Report(new JSONMessage { Status = "The push refers to repository [r.io/g/p]" });
        meter.EndPhase(layers: 3, bytes: 4096);

        Assert.Equal((3, 4096L), progress.LastTotals);
        Assert.Equal(4096, progress.TransferredBytes);
    }

    private static JSONMessage Layer(string id, string status, long current, long total) =>
        new() { ID = id, Status = status, Progress = new JSONProgress { Current = current, Total = total } };
}
