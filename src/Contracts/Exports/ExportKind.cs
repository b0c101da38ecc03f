namespace Portal.Contracts.Exports;

/// <summary>A Domino project (its files and its environment's image) or one compute environment's image.</summary>
// Names on the wire (numbers are still read): what the OpenAPI document shows and what callers type.
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ExportKind>))]
public enum ExportKind
{
    Project,
    Environment,
}
