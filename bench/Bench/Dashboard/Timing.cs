using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Portal.Bench.Dashboard;

internal sealed record Timed(string Scenario, string Name, string Url, double MedianMs, double P95Ms, double MaxMs, long Bytes);

/// <summary>
/// Signs in like a browser (the Identity form with its antiforgery token) and times requests one after another on
/// loopback: wall time from sending the request to the last byte of the answer, so server time plus a loopback hop.
/// </summary>
internal sealed partial class Timing(Uri portal, int repeat) : IDisposable
{
    private readonly CookieContainer cookies = new();
    private HttpClient? http;

    public async Task SignInAsync(string email, string password)
    {
        http?.Dispose();
        cookies.GetAllCookies().ToList().ForEach(c => c.Expired = true);
        http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = portal, Timeout = TimeSpan.FromMinutes(2) };
        var form = await http.GetStringAsync("/Account/Login");
        var fields = HiddenInput().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        using var response = await http.PostAsync("/Account/Login", new FormUrlEncodedContent(fields));
        if (response.StatusCode != HttpStatusCode.Redirect && response.StatusCode != HttpStatusCode.Found && response.StatusCode != HttpStatusCode.SeeOther)
            throw new InvalidOperationException($"Signing in as {email} answered {(int)response.StatusCode}");
        using var check = await http.GetAsync("/api/dashboard/tiles");
        check.EnsureSuccessStatusCode();
    }

    public async Task<Timed> MeasureAsync(string scenario, string name, string url)
    {
        var samples = new List<double>(repeat);
        long bytes = 0;
        for (var i = -3; i < repeat; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await http!.GetAsync(url, HttpCompletionOption.ResponseContentRead);
            var body = await response.Content.ReadAsByteArrayAsync();
            clock.Stop();
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}");
            bytes = body.Length;
            if (i >= 0) samples.Add(clock.Elapsed.TotalMilliseconds);
        }
        samples.Sort();
        return new Timed(scenario, name, url, Percentile(samples, 0.50), Percentile(samples, 0.95), samples[^1], bytes);
    }

    /// <summary>Nearest rank: the smallest sample with at least that share of the samples at or below it.</summary>
    private static double Percentile(List<double> sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*name=\"(?<name>[^\"]+)\"[^>]*value=\"(?<value>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenInput();

    public void Dispose() => http?.Dispose();
}
