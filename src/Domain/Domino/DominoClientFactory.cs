namespace Portal.Domain.Domino;

public interface IDominoClientFactory
{
    /// <summary>A client for one deployment, sending one user's API key.</summary>
    DominoClient Create(DominoConnection connection, string apiKey);
}

internal sealed class DominoClientFactory(IHttpClientFactory httpClientFactory) : IDominoClientFactory
{
    public const string VerifiedTls = "Domino";
    public const string UnverifiedTls = "Domino.UnverifiedTls";

    public DominoClient Create(DominoConnection connection, string apiKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        var http = httpClientFactory.CreateClient(connection.VerifyTls ? VerifiedTls : UnverifiedTls);
        http.BaseAddress = connection.ApiUrl;
        return new DominoClient(http, apiKey);
    }
}
