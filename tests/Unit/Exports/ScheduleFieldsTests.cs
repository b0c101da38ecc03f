using Bunit;
using Portal.Client.Exports;
using Portal.Tests.Unit.Support;

namespace Portal.Tests.Unit.Exports;

public sealed class ScheduleFieldsTests : ComponentTest
{
    [Fact]
    public void A_valid_schedule_is_read_out_in_its_time_zone_and_an_invalid_one_is_not()
    {
        var fields = Render<ScheduleFields>(p => p.Add(f => f.Schedule, "30 6 * * 1-5").Add(f => f.TimeZone, "Europe/Berlin"));

        Assert.Equal("Every weekday (Monday to Friday) at 06:30 (Europe/Berlin)", fields.Find("[data-testid=schedule-reading]").TextContent);

        fields.Render(p => p.Add(f => f.ScheduleError, "The schedule is not a valid cron expression."));

        Assert.Empty(fields.FindAll("[data-testid=schedule-reading]"));
    }
}
