using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Domino;
using Portal.Domain;

namespace Portal.Testbed.Domino;

/// <summary>Real <see cref="DominoClient"/>s (with the production resilience pipeline) pointed at a double.</summary>
public static class DominoClients
{
    /// <summary>A service provider with the Domino client registered; retries are quick so fault tests stay fast.</summary>
    public static ServiceProvider Services(Action<DominoClientOptions>? configure = null)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddDominoClient();
        services.Configure<DominoClientOptions>(o =>
        {
            o.RetryDelay = TimeSpan.FromMilliseconds(20);
            o.AttemptTimeout = TimeSpan.FromSeconds(10);
            configure?.Invoke(o);
        });
        return services.BuildServiceProvider();
    }

    public static DominoClient Create(this IServiceProvider services, DominoDouble domino, string apiKey) =>
        services.GetRequiredService<IDominoClientFactory>().Create(new DominoConnection(domino.Url), apiKey);
}
