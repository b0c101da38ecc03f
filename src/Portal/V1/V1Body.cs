using System.Text.Json;
using Portal.Contracts.Runs;
using Portal.Contracts.Shared;

namespace Portal.V1;

/// <summary>
/// A v1 request body, read strictly: JSON whatever the Content-Type (the original's rule, with its warning
/// when the header is missing), one object, known fields only, required fields present, each of its type.
/// Every refusal is a 400 with the original's 130 message, exactly (<see cref="Invalid"/>), and a hint naming what to fix.
/// </summary>
public sealed class V1Body
{
    public const string ContentTypeWarning = "Warning: request has been processed, but the 'Content-Type: application/json' header is missing";
    public const int MaxBytes = 64 * 1024;
    public static readonly string Invalid = StatusCode.APIMalformedJSON.Describe();

    private readonly Dictionary<string, JsonElement> _values;

    private V1Body(Dictionary<string, JsonElement> values, bool missingContentType)
    {
        _values = values;
        MissingContentType = missingContentType;
    }

    /// <summary>The request did not say "application/json"; the answer carries the original's warning.</summary>
    public bool MissingContentType { get; }

    /// <returns>The body, or the hint of the 400 explaining what is wrong with it.</returns>
    public static async Task<(V1Body? Body, string? Hint)> ReadAsync(HttpRequest request, IReadOnlyList<V1Field> fields,
        CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes) return (null, $"the body is larger than {MaxBytes / 1024} KiB");
        var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxBytes) return (null, $"the body is larger than {MaxBytes / 1024} KiB");

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.ToArray(), new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1}, position {e.BytePositionInLine + 1})" : "";
            return (null, buffer.Length == 0 ? "the body is empty; send a JSON object" : $"the body is not valid JSON{where}");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return (null, $"the body must be a JSON object, not {Describe(document.RootElement.ValueKind)}");

            var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var field = fields.FirstOrDefault(f => f.Name == property.Name);
                if (field is null)
                    return (null, $"unknown field '{property.Name}' (allowed: {string.Join(", ", fields.Select(f => f.Name))})");
                var value = property.Value;
                if (value.ValueKind != JsonValueKind.Null && !Fits(field.Type, value))
                    return (null, $"field '{field.Name}' must be {Expected(field.Type)}, not {Describe(value.ValueKind)}");
                if (value.ValueKind == JsonValueKind.String && TextProblem(field, value.GetString()!) is { } problem)
                    return (null, problem);
                values[property.Name] = value.Clone();
            }
            var missing = fields.Where(f => f.Required && (!values.TryGetValue(f.Name, out var v) || v.ValueKind == JsonValueKind.Null))
                .Select(f => f.Name).ToList();
            if (missing.Count > 0)
                return (null, $"missing required field{(missing.Count > 1 ? "s" : "")}: {string.Join(", ", missing)}");
            var empty = fields.Where(f => f.Required && f.Type == V1FieldType.Text && string.IsNullOrWhiteSpace(values[f.Name].GetString()))
                .Select(f => f.Name).ToList();
            if (empty.Count > 0)
                return (null, $"field{(empty.Count > 1 ? "s" : "")} {string.Join(", ", empty.Select(n => $"'{n}'"))} must not be empty");

            var contentType = request.ContentType ?? "";
            return (new V1Body(values, !contentType.Contains("application/json", StringComparison.OrdinalIgnoreCase)), null);
        }
    }

    /// <summary>A text field; null when absent or null.</summary>
    public string? Text(string name) => _values.TryGetValue(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public bool? Flag(string name) => _values.TryGetValue(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False
        ? v.GetBoolean()
        : null;

    public int? Number(string name) => _values.TryGetValue(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;

    /// <summary>The original's message: warnings joined by ";  ", the Content-Type warning last.</summary>
    public string? Message(IEnumerable<string> warnings)
    {
        var all = warnings.ToList();
        if (MissingContentType) all.Add(ContentTypeWarning);
        return all.Count == 0 ? null : string.Join(";  ", all);
    }

    /// <summary>The same rules as the portal's forms (Portal.Contracts.Shared.InputRules): length, characters, no '..'.</summary>
    private static string? TextProblem(V1Field field, string text)
    {
        if (field.MaxLength > 0 && text.Length > field.MaxLength)
            return $"field '{field.Name}' is longer than {field.MaxLength} characters";
        if (InputRules.HasForbidden(text))
            return $"field '{field.Name}' holds control characters or invisible marks";
        return InputRules.ClimbsOut(text) ? $"field '{field.Name}' must not contain '..' segments or backslashes" : null;
    }

    private static bool Fits(V1FieldType type, JsonElement value) => type switch
    {
        V1FieldType.Text => value.ValueKind == JsonValueKind.String,
        V1FieldType.Flag => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        V1FieldType.Number => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _),
        _ => false,
    };

    private static string Expected(V1FieldType type) => type switch
    {
        V1FieldType.Text => "a string",
        V1FieldType.Flag => "true or false",
        _ => "a whole number",
    };

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
