using System.Globalization;
using System.Reflection;

namespace Portal.Audit;

/// <summary>
/// An object's simple fields as text, to compare before and after a change. Secret fields are kept only to tell
/// whether they changed; <see cref="AuditChanges.Between"/> never lets their values out.
/// </summary>
public sealed class AuditSnapshot
{
    // Bookkeeping every save touches; "what changed" is about what a person chose.
    private static readonly HashSet<string> Skipped = ["Id", "CreatedAt", "UpdatedAt", "ConcurrencyStamp", "SecurityStamp", "PasswordHash"];

    public required IReadOnlyDictionary<string, string?> Values { get; init; }
    public required IReadOnlySet<string> Secrets { get; init; }

    /// <param name="secrets">The properties holding secrets (as stored, encrypted): only whether they changed is told.</param>
    /// <param name="ignore">More properties that are not the person's choice (hashes, run bookkeeping).</param>
    public static AuditSnapshot Of(object value, IEnumerable<string>? secrets = null, IEnumerable<string>? ignore = null)
    {
        var ignored = new HashSet<string>(ignore ?? [], StringComparer.Ordinal);
        var values = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanRead || property.GetIndexParameters().Length > 0 || !IsSimple(property.PropertyType)) continue;
            if (Skipped.Contains(property.Name) || ignored.Contains(property.Name)) continue;
            values[property.Name] = Text(property.GetValue(value));
        }
        return new AuditSnapshot { Values = values, Secrets = new HashSet<string>(secrets ?? [], StringComparer.Ordinal) };
    }

    private static bool IsSimple(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal)
               || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(TimeSpan) || type == typeof(Guid);
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        DateTimeOffset d => d.ToString("u", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
