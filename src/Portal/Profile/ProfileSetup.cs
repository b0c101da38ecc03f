using Portal.Contracts.Profile;

namespace Portal.Profile;

/// <summary>A user's own settings: Domino API keys and personal access tokens.</summary>
public static class ProfileSetup
{
    public static IServiceCollection AddProfile(this IServiceCollection services)
    {
        services.AddScoped<DominoKeyService>();
        services.AddScoped<PersonalAccessTokenService>();
        services.AddScoped<IProfileClient, ServerProfileClient>();
        services.AddScoped<ITokensClient, ServerTokensClient>();
        return services;
    }
}
