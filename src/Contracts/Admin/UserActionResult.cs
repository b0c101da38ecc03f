namespace Portal.Contracts.Admin;

public sealed record UserActionResult(bool Succeeded, string Message);
