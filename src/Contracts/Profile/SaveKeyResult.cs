using System.ComponentModel.DataAnnotations;
using Portal.Contracts.Shared;

namespace Portal.Contracts.Profile;

public sealed record SaveKeyResult(bool Succeeded, string Message, string? DominoUserName);

public sealed record SaveKeyRequest([property: StringLength(InputRules.MaxSecretLength, ErrorMessage = InputRules.TooLong), SingleLine, Display(Name = "Domino API key")] string ApiKey);
