namespace Portal.Contracts.Exports;

/// <summary>
/// A Domino project the user's key can see (to pick owner and project from). <see cref="CanExport"/> is null
/// when Domino's list does not say: such a project can be picked, and the form's check asks Domino about it.
/// </summary>
public sealed record DominoProjectOption(string OwnerName, string ProjectName, bool? CanExport);

/// <summary>The projects to pick from, or why Domino could not list them (then owner and project are typed).</summary>
public sealed record DominoProjectList(IReadOnlyList<DominoProjectOption> Projects, string? Error = null);
