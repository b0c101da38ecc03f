using System.Globalization;
using System.Net.Http.Json;
using Portal.Contracts.Dashboard;
using Portal.Client.Shared;

namespace Portal.Client.Dashboard;

public sealed class HttpDashboardClient(HttpClient http) : IDashboardClient
{
    private const string Base = "api/dashboard";

    public async Task<DashboardTiles> TilesAsync(string? ownerId = null, CancellationToken cancellationToken = default) =>
        await http.GetJsonAsync<DashboardTiles>($"{Base}/tiles{Owner(ownerId, "?")}", cancellationToken);

    public async Task<IReadOnlyList<DailyRuns>> DailyAsync(int days, string? ownerId = null, CancellationToken cancellationToken = default) =>
        await http.GetJsonAsync<List<DailyRuns>>(
            string.Create(CultureInfo.InvariantCulture, $"{Base}/daily?days={days}{Owner(ownerId, "&")}"), cancellationToken);

    public async Task<IReadOnlyList<RunPoint>> ExportRunsAsync(int exportId, int last = 30, CancellationToken cancellationToken = default) =>
        await http.GetJsonAsync<List<RunPoint>>(
            string.Create(CultureInfo.InvariantCulture, $"{Base}/exports/{exportId}/runs?last={last}"), cancellationToken);

    public async Task<SetupProgress> SetupAsync(CancellationToken cancellationToken = default) =>
        await http.GetJsonAsync<SetupProgress>($"{Base}/setup", cancellationToken);

    private static string Owner(string? ownerId, string separator) =>
        string.IsNullOrEmpty(ownerId) ? "" : $"{separator}ownerId={Uri.EscapeDataString(ownerId)}";
}
