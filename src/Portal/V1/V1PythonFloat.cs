using System.Text.Json;
using System.Text.Json.Serialization;
using Portal.Domain.StatusLogs;

namespace Portal.V1;

/// <summary>
/// Runtimes as the original's JSON had them: a measured runtime is a Python float (<c>12.5</c>, <c>90.0</c>); one not
/// measured in that run is the integer <c>0</c>, its default. Only the v1 answers use this.
/// </summary>
public sealed class V1PythonFloat : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble();

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        if (value == 0) writer.WriteNumberValue(0);
        else writer.WriteRawValue(PythonJson.Float(value));
    }
}
