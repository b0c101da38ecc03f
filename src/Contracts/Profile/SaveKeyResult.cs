using System.ComponentModel.DataAnnotations;
using Portal.Contracts.Shared;

namespace Portal.Contracts.Profile;

public sealed record SaveKeyResult(bool Succeeded, string Message, string? DominoUserName);

public sealed record SaveKeyRequest([property: StringLength(InputRules.MaxSecretLength), SingleLine] string ApiKey);
