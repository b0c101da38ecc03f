using System.ComponentModel.DataAnnotations;

namespace Portal.Contracts.Shared;

/// <summary>
/// A bandwidth limit: a number of bytes per second of at least <see cref="ByteRate.Minimum"/>, or text
/// <see cref="ByteRate.TryParse"/> reads (configuration). Empty means no limit.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ByteRateAttribute() : ValidationAttribute(ByteRate.Rule)
{
    public override bool IsValid(object? value) => value switch
    {
        null => true,
        long n => n >= ByteRate.Minimum,
        string s => string.IsNullOrWhiteSpace(s) || ByteRate.TryParse(s, out _),
        _ => false,
    };
}
