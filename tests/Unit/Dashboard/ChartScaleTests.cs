using Portal.Client.Dashboard;

namespace Portal.Tests.Unit.Dashboard;

public sealed class ChartScaleTests
{
    [Theory]
    [InlineData(0, 5)]
    [InlineData(1, 5)]
    [InlineData(6, 10)]
    [InlineData(37, 50)]
    [InlineData(120, 200)]
    [InlineData(1000, 1000)]
    public void Counts_get_a_round_maximum_just_above_the_busiest_day_and_never_below_five(double busiest, double max) =>
        Assert.Equal(max, ChartScale.CountMax(busiest));

    [Theory]
    [InlineData(0, 1024)]
    [InlineData(700, 1000)]
    [InlineData(3L * 1024 * 1024, 5L * 1024 * 1024)]
    [InlineData(600L * 1024 * 1024, 1000L * 1024 * 1024)]
    [InlineData(1.5 * 1024 * 1024 * 1024, 2L * 1024 * 1024 * 1024)]
    public void Bytes_get_a_round_number_of_their_own_unit(double busiest, double max) =>
        Assert.Equal(max, ChartScale.BytesMax(busiest));

    [Theory]
    [InlineData(5, 1)]
    [InlineData(50, 10)]
    [InlineData(2L * 1024 * 1024 * 1024, 429496729)]
    [InlineData(20L * 1024 * 1024 * 1024, 1073741824)]
    public void Ticks_split_the_maximum_in_five_whole_steps_within_an_int(double max, int ticks) =>
        Assert.Equal(ticks, ChartScale.Ticks(max));

    [Theory]
    [InlineData(7)]
    [InlineData(30)]
    [InlineData(90)]
    [InlineData(365)]
    public void At_most_six_dates_are_written_today_always_among_them(int count)
    {
        var today = new DateOnly(2026, 12, 1);
        var days = Enumerable.Range(0, count).Select(i => today.AddDays(i - count + 1)).ToList();

        var labels = ChartScale.DayLabels(days);

        Assert.Equal(count, labels.Length);
        Assert.InRange(labels.Count(l => l.Length > 0), Math.Min(count, 4), ChartScale.MaxLabels);
        Assert.Equal("12-01", labels[^1]);
    }
}
