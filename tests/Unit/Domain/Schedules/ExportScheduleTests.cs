using Portal.Domain.Schedules;

namespace Portal.Tests.Unit.Domain.Schedules;

public sealed class ExportScheduleTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 28, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Lists_the_next_runs_of_a_cron_expression()
    {
        var schedule = ExportSchedule.Parse("*/15 * * * *");

        var next = schedule.NextOccurrences(Noon, 3);

        Assert.Equal([Noon.AddMinutes(15), Noon.AddMinutes(30), Noon.AddMinutes(45)], next);
        Assert.Equal(900, schedule.FrequencySeconds(Noon));
    }

    [Fact]
    public void Evaluates_the_expression_in_its_time_zone_across_a_daylight_saving_change()
    {
        var schedule = ExportSchedule.Parse("0 2 * * *", "Europe/Berlin");

        var next = schedule.NextOccurrences(Noon, 2);

        // 28 March: CET (UTC+1); the clocks go forward on 29 March, when 02:00 does not exist and Cronos runs at 03:00 CEST.
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), next[0].ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 0, 0, 0, TimeSpan.Zero), next[1].ToUniversalTime());
    }

    [Theory]
    [InlineData("", "Enter a cron expression")]
    [InlineData("* * *", "five fields")]
    [InlineData("61 * * * *", "Invalid cron expression")]
    [InlineData("0 0 31 2 *", "never fires")]
    public void Explains_what_is_wrong_with_a_bad_expression(string cron, string expected)
    {
        Assert.False(ExportSchedule.TryParse(cron, "UTC", out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_an_unknown_time_zone()
    {
        Assert.False(ExportSchedule.TryParse("0 * * * *", "Mars/Olympus", out _, out var error));
        Assert.Contains("Unknown time zone", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(900, "*/15 * * * *")]
    [InlineData(60, "* * * * *")]
    [InlineData(3600, "0 * * * *")]
    [InlineData(7 * 60, "*/6 * * * *")]
    [InlineData(6 * 3600, "0 */6 * * *")]
    [InlineData(86400, "0 0 * * *")]
    [InlineData(0, "*/15 * * * *")]
    [InlineData(3500, "0 * * * *")]
    [InlineData(20 * 3600, "0 0 * * *")]
    [InlineData(7 * 86400, "0 0 * * *")]
    public void Maps_v1_frequencies_onto_the_nearest_cron_schedule(int seconds, string cron)
    {
        Assert.Equal(cron, SchedulePresets.FromFrequencySeconds(seconds));
    }

    [Fact]
    public void Every_preset_is_a_valid_schedule()
    {
        Assert.All(SchedulePresets.All, p => Assert.True(ExportSchedule.TryParse(p.Cron, "UTC", out _, out _)));
    }
}
