using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Portal;

/// <summary>The <c>Portal</c> section and the clock every feature reads the time from.</summary>
public static class PortalSetup
{
    public static IServiceCollection AddPortalOptions(this IServiceCollection services, IConfiguration configuration, string dataPath)
    {
        services.AddOptions<PortalOptions>().Bind(configuration.GetSection(PortalOptions.Section))
            .PostConfigure(o => o.DataPath = dataPath)
            .Validate(o => string.IsNullOrWhiteSpace(o.AdminEmail) || MimeKit.MailboxAddress.TryParse(o.AdminEmail, out _),
                "Portal:AdminEmail must be an email address or empty.")
            .Validate(o => string.IsNullOrWhiteSpace(o.PublicUrl) || IsHttpUrl(o.PublicUrl), "Portal:PublicUrl must be an http(s) URL or empty.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    public static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
