using System.Text.Json;

namespace Portal.V1;

public enum V1FieldType
{
    Text,
    Flag,
    Number,
}
