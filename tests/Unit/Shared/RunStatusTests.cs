using MudBlazor;
using Portal.Client.Shared;

namespace Portal.Tests.Unit.Shared;

public sealed class RunStatusTests
{
    [Theory]
    [InlineData(null, "Never run", Color.Default)]
    [InlineData(290, "Succeeded", Color.Success)]
    [InlineData(200, "Skipped", Color.Secondary)]
    [InlineData(101, "Skipped", Color.Secondary)]
    [InlineData(205, "Disabled", Color.Default)]
    [InlineData(104, "Cancelled", Color.Warning)]
    [InlineData(220, "Queued", Color.Info)]
    [InlineData(210, "Running", Color.Info)]
    [InlineData(335, "Running", Color.Info)]
    [InlineData(102, "Failed", Color.Error)]
    [InlineData(143, "Failed", Color.Error)]
    [InlineData(199, "Failed", Color.Error)]
    public void Reads_a_status_code_as_an_outcome_and_its_colour(int? status, string label, Color color)
    {
        Assert.Equal(label, RunStatus.Label(status));
        Assert.Equal(color, RunStatus.Color(status));
    }

    [Theory]
    [InlineData(512L, "512 B")]
    [InlineData(1536L, "1.5 KiB")]
    [InlineData(120L * 1024 * 1024, "120 MiB")]
    [InlineData(3L * 1024 * 1024 * 1024 * 1024, "3 TiB")]
    public void Writes_bytes_in_binary_units(long bytes, string text) => Assert.Equal(text, Formats.Bytes(bytes));

    [Theory]
    [InlineData(12.5, "12.5 s")]
    [InlineData(125, "2 min 5 s")]
    [InlineData(7500, "2 h 5 min")]
    public void Writes_durations_for_people(double seconds, string text) => Assert.Equal(text, Formats.Duration(seconds));
}
