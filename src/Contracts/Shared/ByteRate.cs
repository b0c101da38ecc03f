using System.Globalization;

namespace Portal.Contracts.Shared;

/// <summary>
/// A bandwidth in bytes per second, written as a person writes it: <c>52428800</c>, <c>50MiB</c>, <c>50 MiB/s</c>,
/// <c>1.5 GB/s</c>. Units are bytes, never bits: KB, MB, GB are powers of 1000, KiB, MiB, GiB powers of 1024 (case does
/// not matter); a bare number is bytes. The export editor and the <c>Exports:BandwidthLimit</c> setting read the same way.
/// </summary>
public static class ByteRate
{
    /// <summary>The smallest limit accepted: below it an export would crawl rather than run.</summary>
    public const long Minimum = 1024;

    public const string Rule = "A bandwidth of at least 1 KiB/s, in bytes per second: e.g. 52428800, 50 MiB/s or 1.5 GB/s.";

    private static readonly (string Unit, long Factor)[] Units =
    [
        ("KiB", 1L << 10), ("MiB", 1L << 20), ("GiB", 1L << 30), ("TiB", 1L << 40),
        ("KB", 1000), ("MB", 1000_000), ("GB", 1000_000_000), ("TB", 1000_000_000_000), ("B", 1),
    ];

    /// <summary>Reads a bandwidth; false for anything else (no unit it knows, a negative, zero or below <see cref="Minimum"/>).</summary>
    public static bool TryParse(string? text, out long bytesPerSecond)
    {
        bytesPerSecond = 0;
        var s = (text ?? "").Trim();
        if (s.EndsWith("/s", StringComparison.OrdinalIgnoreCase)) s = s[..^2].TrimEnd();
        long factor = 1;
        foreach (var (unit, f) in Units)
        {
            if (!s.EndsWith(unit, StringComparison.OrdinalIgnoreCase)) continue;
            s = s[..^unit.Length].TrimEnd();
            factor = f;
            break;
        }
        if (!decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)) return false;
        if (number > long.MaxValue / (decimal)factor) return false;
        var bytes = number * factor;
        if (bytes < Minimum || bytes > long.MaxValue) return false;
        bytesPerSecond = (long)bytes;
        return true;
    }

    /// <summary>A limit the way <see cref="TryParse"/> reads it back: the largest binary unit that writes it exactly (to 0.01), else bytes.</summary>
    public static string Format(long bytesPerSecond)
    {
        foreach (var (unit, factor) in Units.Where(u => u.Unit.EndsWith("iB", StringComparison.Ordinal)).Reverse())
        {
            var value = (decimal)bytesPerSecond / factor;
            if (value >= 1 && decimal.Round(value, 2) * factor == bytesPerSecond)
                return $"{value.ToString("0.##", CultureInfo.InvariantCulture)} {unit}/s";
        }
        return $"{bytesPerSecond.ToString(CultureInfo.InvariantCulture)} B/s";
    }
}
