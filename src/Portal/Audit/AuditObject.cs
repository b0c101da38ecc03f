namespace Portal.Audit;

/// <summary>What a change was made to: its type, id and a name a person recognises; an export's id when it concerns one.</summary>
public sealed record AuditObject(string Type, string? Id, string? Name, int? ExportId = null)
{
    public static AuditObject Account(string id, string? email) => new("account", id, email);
    public static AuditObject Export(int id, string name) => new("export", Text(id), name, id);
    public static AuditObject Connection(string kind, int id, string? name) => new($"connection:{kind}", Text(id), name);
    public static AuditObject Template(int id, string? name) => new("template", Text(id), name);
    public static AuditObject Token(int id, string name) => new("token", Text(id), name);
    public static AuditObject Subscription(int id, string? name, int? exportId = null) => new("subscription", Text(id), name, exportId);
    public static readonly AuditObject V1Settings = new("v1-settings", null, "v1 API settings");

    private static string Text(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
