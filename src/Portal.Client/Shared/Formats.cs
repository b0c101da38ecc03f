using System.Globalization;

namespace Portal.Client.Shared;

/// <summary>How numbers and times read on the pages. Times are UTC, so a prerendered page and its interactive twin agree.</summary>
public static class Formats
{
    private static readonly string[] Units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];

    public static string Bytes(long? bytes)
    {
        if (bytes is not { } value) return "–";
        double size = value;
        var unit = 0;
        while (size >= 1024 && unit < Units.Length - 1)
        {
            size /= 1024;
            unit++;
        }
        return unit == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{value} B")
            : string.Create(CultureInfo.InvariantCulture, $"{size:0.#} {Units[unit]}");
    }

    public static string Duration(double? seconds)
    {
        if (seconds is not { } s) return "–";
        var span = TimeSpan.FromSeconds(Math.Max(0, s));
        return span.TotalSeconds < 60 ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.#} s")
            : span.TotalHours < 1 ? string.Create(CultureInfo.InvariantCulture, $"{span.Minutes} min {span.Seconds} s")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours} h {span.Minutes} min");
    }

    public static string Time(DateTimeOffset? at) =>
        at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) : "–";

    public static string ShortTime(DateTimeOffset? at) =>
        at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "–";

    /// <summary>A time in its own zone's offset, as a schedule's next runs come back.</summary>
    public static string ZonedTime(DateTimeOffset at) => at.ToString("ddd yyyy-MM-dd HH:mm (zzz)", CultureInfo.InvariantCulture);

    public static string Throughput(double bytesPerSecond) => Bytes((long)bytesPerSecond) + "/s";

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
