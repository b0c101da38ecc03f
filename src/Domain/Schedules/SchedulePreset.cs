using System.Globalization;

namespace Portal.Domain.Schedules;

public sealed record SchedulePreset(string Name, string Cron);
