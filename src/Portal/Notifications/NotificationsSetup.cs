using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Components.Account;
using Portal.Data;

namespace Portal.Notifications;

/// <summary>Mail and the sign-up webhook: queued in memory and sent by a background worker, so a slow receiver never slows a page.</summary>
public static class NotificationsSetup
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.Section))
            .Validate(o => string.IsNullOrWhiteSpace(o.SignupWebhookUrl) || PortalSetup.IsHttpUrl(o.SignupWebhookUrl),
                "Notifications:SignupWebhookUrl must be an http(s) URL or empty.")
            .Validate(o => !o.Smtp.IsConfigured || MimeKit.MailboxAddress.TryParse(o.Smtp.From, out _),
                "Notifications:Smtp:From must be an email address when Notifications:Smtp:Host is set.")
            .Validate(o => o.Smtp.Port is > 0 and <= 65535, "Notifications:Smtp:Port must be 1-65535.")
            .ValidateOnStart();
        services.AddSingleton<NotificationQueue>();
        services.AddSingleton<IAccountNotifications>(sp => sp.GetRequiredService<NotificationQueue>());
        services.AddSingleton<SmtpMailer>();
        services.AddHttpClient<SignupWebhook>().AddStandardResilienceHandler(o =>
        {
            o.Retry.MaxRetryAttempts = 2;
            o.Retry.Delay = TimeSpan.FromSeconds(1);
            o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(10);
            o.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(30);
            o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(30);
        });
        services.AddSingleton<NotificationWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationWorker>());
        services.AddSingleton<IEmailSender<ApplicationUser>>(sp =>
            sp.GetRequiredService<IOptions<NotificationOptions>>().Value.Smtp.IsConfigured
                ? ActivatorUtilities.CreateInstance<SmtpEmailSender>(sp)
                : new IdentityNoOpEmailSender());
        return services;
    }
}
