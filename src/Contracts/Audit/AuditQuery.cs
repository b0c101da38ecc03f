namespace Portal.Contracts.Audit;

/// <summary>
/// The audit log's filters (all done by the server): <see cref="Person"/> matches the actor's email or token name,
/// <see cref="Object"/> the object's type, id or name, <see cref="Action"/> the action's name; times are inclusive bounds.
/// </summary>
public sealed record AuditQuery(
    string? Person = null,
    string? Object = null,
    string? Action = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int Page = 0,
    int PageSize = 50)
{
    /// <summary>The query as <c>/api/admin/audit</c> reads it (also the CSV link's).</summary>
    public string ToQueryString()
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) parts.Add($"{name}={Uri.EscapeDataString(value)}");
        }
        Add("person", Person);
        Add("object", Object);
        Add("action", Action);
        Add("from", From?.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
        Add("to", To?.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
        Add("page", Page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("pageSize", PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return string.Join("&", parts);
    }
}
