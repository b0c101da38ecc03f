using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Components.Account;
using Portal.Contracts.Notifications;
using Portal.Data;
using Portal.Runs;

namespace Portal.Notifications;

/// <summary>
/// Account mails and the sign-up webhook (queued in memory, sent by a background worker), and run notices: planned and
/// sent by Hangfire jobs once a run's end is recorded (<see cref="RunNotifier"/>), so no receiver slows a page or a run.
/// </summary>
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
            .Validate(o => o.RepeatAfter > TimeSpan.Zero, "Notifications:RepeatAfter must be positive.")
            .Validate(o => o.RetryDelay > TimeSpan.Zero, "Notifications:RetryDelay must be positive.")
            .Validate(o => o.MaxAttempts is >= 1 and <= 20, "Notifications:MaxAttempts must be 1-20.")
            .Validate(o => o.SendTimeout > TimeSpan.Zero, "Notifications:SendTimeout must be positive.")
            .Validate(o => (o.WebhookAllowedNetworks ?? []).All(n => string.IsNullOrWhiteSpace(n) || Security.Networks.TryParse(n, out _)),
                "Notifications:WebhookAllowedNetworks must hold addresses or CIDR networks (10.0.0.0/8).")
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
        services.AddRunNotices();
        return services;
    }

    private static void AddRunNotices(this IServiceCollection services)
    {
        services.AddSingleton<IRunEndListener, RunNotifier>();
        services.AddScoped<NoticePlanner>();
        services.AddScoped<NoticeSender>();
        services.AddScoped<SmtpSettingsStore>();
        services.AddScoped<SubscriptionService>();
        services.AddScoped<NotificationJob>();
        services.AddScoped<INotificationsClient, ServerNotificationsClient>();
        services.AddScoped<ISmtpSettingsClient, ServerSmtpSettingsClient>();
        // One try per job: the timeout is NoticeSender's, and the next try is a scheduled job, not a retry here. No request
        // logging: a Slack or Teams webhook URL is itself a secret, and HttpClient's loggers write it out.
        services.AddSingleton<WebhookNetworkPolicy>();
        services.AddHttpClient<WebhookSender>(http => http.Timeout = Timeout.InfiniteTimeSpan).RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                ConnectCallback = sp.GetRequiredService<WebhookNetworkPolicy>().ConnectAsync,
                // A redirect would be a second, unchecked target.
                AllowAutoRedirect = false,
            });
    }

    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder app) => app.MapNotificationsApi();
}
