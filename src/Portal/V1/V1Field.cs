using System.Text.Json;

namespace Portal.V1;

public sealed record V1Field(string Name, V1FieldType Type, bool Required = false);
