using System.ComponentModel.DataAnnotations;
using Portal.Contracts.Shared;

namespace Portal.Contracts.Profile;

/// <summary>What a person fills in to create a token.</summary>
public sealed class CreateTokenRequest
{
    public const int MaxLifetimeDays = 365;

    [Required(ErrorMessage = "Name the token, e.g. after the script that uses it.")]
    [StringLength(100, ErrorMessage = "Keep the name under 100 characters.")]
    [SingleLine]
    public string Name { get; set; } = "";

    [Range(1, MaxLifetimeDays, ErrorMessage = "A token lives 1 to 365 days.")]
    public int ExpiresInDays { get; set; } = 90;
}
