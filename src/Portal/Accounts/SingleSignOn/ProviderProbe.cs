using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace Portal.Accounts.SingleSignOn;

/// <summary>Whether the provider answers its discovery document right now.</summary>
internal static class ProviderProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <returns>Null when it answers; otherwise what went wrong, in a few words.</returns>
    public static async Task<string?> ProblemAsync(OpenIdConnectOptions options, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            using var response = await options.Backchannel.GetAsync(options.MetadataAddress, timeout.Token);
            return response.IsSuccessStatusCode ? null : $"its discovery document answered {(int)response.StatusCode}";
        }
        catch (HttpRequestException e)
        {
            return e.HttpRequestError == HttpRequestError.ConnectionError ? "no connection" : e.Message;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"no answer within {Timeout.TotalSeconds:0} seconds";
        }
    }
}
