using Portal.Contracts.Exports;

namespace Portal.Tests.Unit.Exports;

public sealed class CronTextTests
{
    [Theory]
    [InlineData("*/15 * * * *", "Every 15 minutes")]
    [InlineData("* * * * *", "Every minute")]
    [InlineData("0 * * * *", "Every hour at :00")]
    [InlineData("5 */6 * * *", "Every 6 hours at :05")]
    [InlineData("0 2 * * *", "Every day at 02:00")]
    [InlineData("30 6,18 * * *", "Every day at 06:30 and 18:30")]
    [InlineData("0 2 * * 0", "Every Sunday at 02:00")]
    [InlineData("0 2 * * 7", "Every Sunday at 02:00")]
    [InlineData("30 6 * * MON,fri", "Every Monday and Friday at 06:30")]
    [InlineData("0 8 * * 1-5", "Every weekday (Monday to Friday) at 08:00")]
    [InlineData("0 3 1 * *", "On day 1 of every month at 03:00")]
    [InlineData(" 0  2 * * * ", "Every day at 02:00")]
    public void Common_schedules_read_in_plain_english(string cron, string reading) => Assert.Equal(reading, CronText.Describe(cron));

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("0 2 * 1 *")]
    [InlineData("0 2 L * *")]
    [InlineData("0 25 * * *")]
    [InlineData("61 * * * *")]
    [InlineData("0 2 * * 2-4")]
    [InlineData("0 0 2 * * *")]
    [InlineData("0 2 1 * 1")]
    public void Anything_else_has_no_reading_rather_than_a_wrong_one(string? cron) => Assert.Null(CronText.Describe(cron));
}
