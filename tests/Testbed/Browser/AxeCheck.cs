using System.Text.Json;
using Microsoft.Playwright;
using Portal.Testbed.Processes;

namespace Portal.Testbed.Browser;

/// <summary>One accessibility problem axe-core found: its rule, impact, help text and the first elements it names.</summary>
public sealed record AxeViolation(string Id, string Impact, string Help, IReadOnlyList<string> Nodes)
{
    public override string ToString() => $"{Impact} {Id}: {Help} [{string.Join(" | ", Nodes)}]";
}

/// <summary>
/// axe-core (npm, pinned in Axe/package-lock.json; scripts/install-prerequisites.sh installs it) injected into a page and
/// run against the WCAG 2.1 A and AA rules.
/// </summary>
public static class AxeCheck
{
    private static readonly string Script =
        Path.Combine(RepositoryPaths.Root, "tests", "Testbed", "Browser", "Axe", "node_modules", "axe-core", "axe.min.js");

    private const string Run = """
        async () => {
          const result = await axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
            resultTypes: ['violations'],
          });
          return JSON.stringify(result.violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => ({ id: v.id, impact: v.impact, help: v.help,
                         nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\s+/g, ' ')) })));
        }
        """;

    /// <summary>The serious and critical violations on the page as it is now.</summary>
    public static async Task<IReadOnlyList<AxeViolation>> SeriousViolationsAsync(IPage page)
    {
        if (!File.Exists(Script))
            throw new InvalidOperationException($"axe-core is not installed ({Script}): run scripts/install-prerequisites.sh (it runs npm ci there).");
        // Evaluated through the browser's debugging protocol, not added as a <script>: the portal's pages allow an inline
        // script only with their answer's nonce, and a test must not need a looser policy than people get.
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            await page.EvaluateAsync(await File.ReadAllTextAsync(Script));
            if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
                throw new InvalidOperationException($"{Script} did not define window.axe");
        }
        var json = await page.EvaluateAsync<string>(Run);
        return JsonSerializer.Deserialize<List<AxeViolation>>(json, JsonSerializerOptions.Web) ?? [];
    }
}
