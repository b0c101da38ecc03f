using Portal.Contracts.Exports;

namespace Portal.Contracts.Admin;

/// <summary>The stored settings and what can be chosen.</summary>
public sealed record V1SettingsDto(
    V1SettingsForm Settings,
    IReadOnlyList<Option> Deployments,
    IReadOnlyList<Option> S3Targets,
    IReadOnlyList<Option> Registries,
    IReadOnlyList<Option> Templates,
    IReadOnlyList<AccountOption> Accounts);

public sealed record AccountOption(string Id, string Email);
