using System.Text.Json;

namespace Portal.V1;

/// <param name="MaxLength">A text field's longest value (the EF model's limit); 0: no limit.</param>
public sealed record V1Field(string Name, V1FieldType Type, bool Required = false, int MaxLength = 0);
