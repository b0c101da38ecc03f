using Portal.Contracts.Exports;

namespace Portal.Client.Exports;

/// <summary>What the project picker offers for a text: the listed projects that match, and the text itself when it reads owner/project.</summary>
public static class DominoProjectSearch
{
    public static string Text(DominoProjectOption project) => $"{project.OwnerName}/{project.ProjectName}";

    public static DominoProjectOption? Find(IEnumerable<DominoProjectOption> projects, string owner, string name) =>
        projects.FirstOrDefault(p => p.OwnerName.Equals(owner, StringComparison.OrdinalIgnoreCase) && p.ProjectName == name);

    /// <param name="selected">The text of the project already chosen: typing it again shows the whole list.</param>
    public static IReadOnlyList<DominoProjectOption> Offer(IReadOnlyList<DominoProjectOption> projects, string? text, string? selected)
    {
        var typed = text?.Trim() ?? "";
        if (typed.Length == 0 || typed == selected) return projects;
        var matches = projects.Where(p => Text(p).Contains(typed, StringComparison.OrdinalIgnoreCase)).ToList();
        // A project the list lacks (or one Domino's list hides) can still be chosen by typing it; Domino judges it.
        if (typed.Split('/', StringSplitOptions.TrimEntries) is [{ Length: > 0 } owner, { Length: > 0 } name] && Find(projects, owner, name) is null)
            matches.Insert(0, new DominoProjectOption(owner, name, null));
        return matches;
    }
}
