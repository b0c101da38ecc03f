using System.Globalization;
using System.Text;

namespace Portal.Domain.StatusLogs;

/// <summary>
/// The original's log format, byte for byte: a JSON array written as "[\n", one object per line
/// joined by ",\n", then "\n]", each object as Python's json.dumps writes it (", " and ": " separators,
/// non-ASCII escaped as \uXXXX) and datetimes as Python's str() writes them in UTC: "YYYY-MM-DD HH:MM:SS.ffffff",
/// without the fraction when it is zero (docs/s3-layout.md, "Status logs").
/// </summary>
public static class PythonJson
{
    public static string Array(IEnumerable<IEnumerable<(string Key, object? Value)>> records) =>
        "[\n" + string.Join(",\n", records.Select(Object)) + "\n]";

    public static string Array(IEnumerable<StatusRecord> records) => Array(records.Select(r => r.Fields()));

    public static string Array(IEnumerable<ExportsStatusRecord> records) => Array(records.Select(r => r.Fields()));

    public static string Object(IEnumerable<(string Key, object? Value)> fields)
    {
        var sb = new StringBuilder("{");
        var first = true;
        foreach (var (key, value) in fields)
        {
            if (!first) sb.Append(", ");
            first = false;
            AppendString(sb, key);
            sb.Append(": ");
            AppendValue(sb, value);
        }
        return sb.Append('}').ToString();
    }

    public static string DateTime(DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        // Python keeps microseconds only: a time whose microseconds are zero has no fraction at all.
        var format = utc.Ticks % TimeSpan.TicksPerSecond < 10 ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm:ss.ffffff";
        return utc.ToString(format, CultureInfo.InvariantCulture);
    }

    private static void AppendValue(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null: sb.Append("null"); break;
            case string s: AppendString(sb, s); break;
            case bool b: sb.Append(b ? "true" : "false"); break;
            case DateTime d: AppendString(sb, DateTime(d)); break;
            case DateTimeOffset d: AppendString(sb, DateTime(d.UtcDateTime)); break;
            case double d: sb.Append(Float(d)); break;
            case float f: sb.Append(Float(f)); break;
            case int or long: sb.Append(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
            case IEnumerable<string> list:
                sb.Append('[');
                var first = true;
                foreach (var item in list)
                {
                    if (!first) sb.Append(", ");
                    first = false;
                    AppendString(sb, item);
                }
                sb.Append(']');
                break;
            default: throw new ArgumentException($"No Python JSON form for {value.GetType().Name}", nameof(value));
        }
    }

    /// <summary>Python's float repr: the shortest round-trip digits, always with a fraction or an exponent.</summary>
    public static string Float(double value)
    {
        if (double.IsNaN(value)) return "NaN";
        if (double.IsInfinity(value)) return value > 0 ? "Infinity" : "-Infinity";
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        if (e >= 0)
        {
            var mantissa = text[..e];
            var exponent = int.Parse(text[(e + 1)..], CultureInfo.InvariantCulture);
            return $"{mantissa}e{(exponent < 0 ? '-' : '+')}{Math.Abs(exponent):00}";
        }
        return text.Contains('.', StringComparison.Ordinal) ? text : text + ".0";
    }

    private static void AppendString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                // Python's ensure_ascii: control and non-ASCII characters as \uXXXX (UTF-16 units, so
                // characters beyond the BMP become surrogate pairs, as in Python).
                case < ' ' or > '\u007f':
                    sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default: sb.Append(c); break;
            }
        }
        sb.Append('"');
    }
}
