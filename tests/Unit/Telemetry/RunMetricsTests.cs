using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Portal.Contracts.Runs;
using Portal.Domain.Images;
using Portal.Domain.Runs;
using Portal.Telemetry;

namespace Portal.Tests.Unit.Telemetry;

public sealed class RunMetricsTests
{
    [Fact]
    public void A_registry_copy_counts_its_layers_by_what_happened_to_them()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new RunMetrics(services.GetRequiredService<IMeterFactory>());
        var layers = new List<(long Value, string Outcome)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument is { Name: "portal.run.layers", Meter.Name: RunMetrics.MeterName }) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            layers.Add((value, (string)tags.ToArray().Single(t => t.Key == "outcome").Value!)));
        listener.Start();

        metrics.PartsDone(null, new ImageExportResult(StatusCode.Completed, "pushed")
        {
            Layers =
            [
                Layer(LayerOutcome.Present), Layer(LayerOutcome.Present), Layer(LayerOutcome.Copied), Layer(LayerOutcome.Mounted),
                Layer(LayerOutcome.Copied), Layer(LayerOutcome.Copied),
            ],
        });

        Assert.Equal([(2L, "present"), (3L, "copied"), (1L, "mounted")], layers);
    }

    private static LayerRecord Layer(LayerOutcome outcome) =>
        new($"sha256:{Guid.NewGuid():N}", 1024, "application/vnd.oci.image.layer.v1.tar+gzip", outcome, 1, TimeSpan.FromMilliseconds(5));
}
