using System.Globalization;
using System.Text;
using Portal.Contracts.Audit;

namespace Portal.Audit;

/// <summary>The log as CSV (RFC 4180). A cell a spreadsheet would run as a formula is prefixed with a quote.</summary>
public static class AuditCsv
{
    public const string Header = "id,at,actor,token,interface,address,action,object_type,object_id,object_name,changes";

    public static async Task WriteAsync(IAsyncEnumerable<AuditEntryDto> entries, TextWriter writer, CancellationToken cancellationToken)
    {
        await writer.WriteAsync(Header + "\r\n");
        await foreach (var a in entries.WithCancellation(cancellationToken))
            await writer.WriteAsync(Line(a));
        await writer.FlushAsync(cancellationToken);
    }

    public static string Line(AuditEntryDto a)
    {
        string?[] cells = [a.Id.ToString(CultureInfo.InvariantCulture), a.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            a.Actor, a.TokenName, a.Interface, a.Address, a.Action, a.ObjectType, a.ObjectId, a.ObjectName, a.Changes];
        var line = new StringBuilder();
        foreach (var cell in cells)
        {
            if (line.Length > 0) line.Append(',');
            line.Append(Cell(cell));
        }
        return line.Append("\r\n").ToString();
    }

    private static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }
}
