using System.Text.Json;

namespace Portal.Domain.Domino;

/// <summary>
/// Reads Domino's project list (<c>/v4/gateway/projects</c>). The endpoint is not part of the documented
/// contract and its shape varies between Domino versions: the list may be bare or wrapped, the owner may be
/// a name field or an object, and the permission fields may be missing. A project whose permissions the list
/// does not carry is listed with <see cref="DominoListedProject.CanExport"/> null — unknown, not refused — and
/// is judged later with <c>findProjectByOwnerAndName</c> (docs/domino-api.md).
/// </summary>
internal static class ProjectListReader
{
    private static readonly string[] Wrappers = ["data", "projects", "items", "results"];
    private static readonly string[] OwnerFields = ["ownerUsername", "ownerName", "ownerLogin"];
    private static readonly string[] OwnerObjectFields = ["userName", "username", "login", "name"];

    public static IReadOnlyList<DominoListedProject> Read(JsonElement root)
    {
        var list = Unwrap(root);
        if (list.ValueKind != JsonValueKind.Array) throw new JsonException("the project list is not an array");
        var projects = new List<DominoListedProject>();
        foreach (var item in list.EnumerateArray())
            if (item.ValueKind == JsonValueKind.Object && String(item, "name") is { } name && Owner(item) is { } owner)
                projects.Add(new DominoListedProject(owner, name, CanExport(item)));
        return projects;
    }

    private static JsonElement Unwrap(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return root;
        foreach (var name in Wrappers)
            if (TryGet(root, name, out var inner) && inner.ValueKind == JsonValueKind.Array) return inner;
        return root;
    }

    private static string? Owner(JsonElement item)
    {
        foreach (var field in OwnerFields)
            if (String(item, field) is { } owner) return owner;
        if (!TryGet(item, "owner", out var value)) return null;
        if (value.ValueKind == JsonValueKind.String) return NonEmpty(value.GetString());
        if (value.ValueKind != JsonValueKind.Object) return null;
        foreach (var field in OwnerObjectFields)
            if (String(value, field) is { } owner) return owner;
        return null;
    }

    /// <summary>True or false when the entry lists its allowed operations; null when it carries no permission fields.</summary>
    private static bool? CanExport(JsonElement item)
    {
        if (!TryGet(item, "allowedOperations", out var operations) || operations.ValueKind != JsonValueKind.Array) return null;
        return operations.EnumerateArray().Any(o => o.ValueKind == JsonValueKind.String
                                                    && o.GetString() == DominoProject.ChangeProjectSettings);
    }

    private static string? String(JsonElement item, string name) =>
        TryGet(item, name, out var value) && value.ValueKind == JsonValueKind.String ? NonEmpty(value.GetString()) : null;

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    // Domino's JSON is camelCase, but field case has varied between versions: match names case-insensitively.
    private static bool TryGet(JsonElement item, string name, out JsonElement value)
    {
        foreach (var property in item.EnumerateObject())
            if (property.NameEquals(name) || string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        value = default;
        return false;
    }
}
