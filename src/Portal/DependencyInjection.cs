using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.SqlServer;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Portal.Accounts;
using Portal.Accounts.SingleSignOn;
using Portal.Admin;
using Portal.Api;
using Portal.Client;
using Portal.Client.Accounts;
using Portal.Client.Admin;
using Portal.Components;
using Portal.Components.Account;
using Portal.Dashboard;
using Portal.Data;
using Portal.Exports;
using Portal.Hardening;
using Portal.Health;
using Portal.Jobs;
using Portal.Nodes;
using Portal.Notifications;
using Portal.Security;

namespace Portal;

public static class DependencyInjection
{
    public const string ApplicationName = "domino-export-portal";

    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        configuration.AddKeyPerFile(configuration[$"{PortalOptions.Section}:SecretsPath"] ?? new PortalOptions().SecretsPath, optional: true);

        var dataPath = PortalOptions.ResolveDataPath(configuration, builder.Environment.ContentRootPath);
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = DatabaseSetup.ResolveConnectionString(configuration, database.Provider, dataPath);
        var role = NodeRoles.Resolve(configuration, database.Provider);

        builder.Services
            .AddPortalNode(role)
            .AddPortalOptions(configuration, dataPath)
            .AddPortalData(database.Provider, connectionString)
            .AddPortalAccounts()
            .AddSingleSignOn(configuration)
            .AddPortalNotifications()
            .AddPortalJobs(database.Provider, connectionString)
            .AddPortalExports(configuration)
            .AddPortalApi(configuration)
            .AddPortalHardening()
            .AddPortalDashboard()
            .AddPortalUi();
        if (role.ProcessesJobs()) builder.Services.AddPortalJobServer();
        return builder;
    }

    public static IServiceCollection AddPortalOptions(this IServiceCollection services, IConfiguration configuration, string dataPath)
    {
        services.AddOptions<PortalOptions>().Bind(configuration.GetSection(PortalOptions.Section))
            .PostConfigure(o => o.DataPath = dataPath)
            .Validate(o => string.IsNullOrWhiteSpace(o.AdminEmail) || MimeKit.MailboxAddress.TryParse(o.AdminEmail, out _),
                "Portal:AdminEmail must be an email address or empty.")
            .Validate(o => string.IsNullOrWhiteSpace(o.PublicUrl) || IsHttpUrl(o.PublicUrl), "Portal:PublicUrl must be an http(s) URL or empty.")
            .ValidateOnStart();
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section)).ValidateOnStart();
        services.AddOptions<JobsOptions>().Bind(configuration.GetSection(JobsOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.Section))
            .Validate(o => string.IsNullOrWhiteSpace(o.SignupWebhookUrl) || IsHttpUrl(o.SignupWebhookUrl),
                "Notifications:SignupWebhookUrl must be an http(s) URL or empty.")
            .Validate(o => !o.Smtp.IsConfigured || MimeKit.MailboxAddress.TryParse(o.Smtp.From, out _),
                "Notifications:Smtp:From must be an email address when Notifications:Smtp:Host is set.")
            .Validate(o => o.Smtp.Port is > 0 and <= 65535, "Notifications:Smtp:Port must be 1-65535.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    public static IServiceCollection AddPortalData(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        services.AddPortalDbContext(provider, connectionString);
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<PortalDbContext>();
        services.AddSingleton<ISecretProtector>(sp => new SecretProtector(sp.GetRequiredService<IDataProtectionProvider>()));
        services.AddHealthChecks()
            .AddDbContextCheck<PortalDbContext>("database", tags: [PortalHealth.ReadyTag]);
        return services;
    }

    public static IServiceCollection AddPortalAccounts(this IServiceCollection services)
    {
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(PortalCookies.Configure);
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = PortalCookies.RevalidationInterval);
        services.AddAuthorization(o => o.AddPortalPolicies());

        services.AddIdentityCore<ApplicationUser>(o => o.User.RequireUniqueEmail = true)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddSignInManager<PortalSignInManager>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<PortalIdentityErrorDescriber>();
        // The admin's approval is the gate; confirming an email only makes sense when mail can be sent.
        services.AddOptions<IdentityOptions>().Configure<IOptions<NotificationOptions>>(
            (identity, notifications) => identity.SignIn.RequireConfirmedAccount = notifications.Value.Smtp.IsConfigured);

        services.AddScoped<AccountService>();
        return services;
    }

    public static IServiceCollection AddPortalNotifications(this IServiceCollection services)
    {
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

    /// <summary>Hangfire's storage: what every node needs to enqueue jobs, edit schedules and show the dashboard.</summary>
    public static IServiceCollection AddPortalJobs(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        // One storage per service provider. Hangfire's own registration hands out the static JobStorage.Current,
        // which two hosts in one process (the tests) would overwrite for each other.
        services.AddSingleton<JobStorage>(sp =>
        {
            var jobs = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
            return provider switch
            {
                DatabaseProvider.SqlServer => new SqlServerStorage(connectionString, JobStorageOptions.SqlServer(jobs)),
                DatabaseProvider.PostgreSql => new PostgreSqlStorage(
                    new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(connectionString, JobStorageOptions.PostgreSql(jobs)),
                    JobStorageOptions.PostgreSql(jobs)),
                _ => new Hangfire.InMemory.InMemoryStorage(),
            };
        });
        services.AddHangfire((sp, hangfire) => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new ResilientLogProvider(sp.GetRequiredService<ILoggerFactory>()))
            .UseStorage(sp.GetRequiredService<JobStorage>()));
        return services;
    }

    /// <summary>The Hangfire server: only on nodes that process jobs (<c>Portal:Role</c> all or worker).</summary>
    public static IServiceCollection AddPortalJobServer(this IServiceCollection services)
    {
        services.AddHangfireServer((sp, server) =>
        {
            var jobs = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
            server.WorkerCount = jobs.WorkerCount;
            server.Queues = jobs.EffectiveQueues;
            server.ServerName = sp.GetRequiredService<PortalNode>().Name;
        });
        return services;
    }

    public static IServiceCollection AddPortalUi(this IServiceCollection services)
    {
        services.AddRazorComponents()
            .AddInteractiveServerComponents()
            .AddInteractiveWebAssemblyComponents()
            .AddAuthenticationStateSerialization(o => o.SerializeAllClaims = true);
        services.AddPortalClientServices();
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddScoped<IUserAdministration, ServerUserAdministration>();
        services.AddProblemDetails();
        services.AddDatabaseDeveloperPageExceptionFilter();
        return services;
    }

    /// <summary>
    /// Everything that must happen before the portal takes requests. Every node does it, and each step is
    /// safe when several nodes start at once (a schema lock, Hangfire's distributed locks; docs/decisions/005).
    /// </summary>
    public static async Task PreparePortalAsync(this WebApplication app)
    {
        await app.Services.PrepareDatabaseAsync();
        app.Services.PrepareKeyRing();
        await app.Services.PrepareExportsAsync();
    }

    public static WebApplication MapPortal(this WebApplication app)
    {
        if (!app.Services.GetNodeRole().ServesWeb())
        {
            return app.MapWorkerEndpoints();
        }
        if (app.Environment.IsDevelopment())
        {
            app.UseWebAssemblyDebugging();
            app.UseMigrationsEndPoint();
        }
        else
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UsePortalHardening();
        // Pages get a friendly status page; /api and /v1 callers get the bare status code. It must wrap
        // authorization to see its 403s, hence the explicit routing and auth middleware below.
        app.UseWhen(context => !PortalCookies.IsApiRequest(context.Request),
            pages => pages.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true));
        app.UseRouting();
        app.UseAuthentication();
        // After authentication: it counts the requests whose bearer token failed (ApiAuthentication).
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapPortalHealth();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .AddInteractiveWebAssemblyRenderMode()
            .AddAdditionalAssemblies(typeof(Client._Imports).Assembly);
        app.MapAdditionalIdentityEndpoints();
        app.MapSingleSignOn();
        // One group without a prefix, so that every API body passes the same input rules (Hardening/InputRulesFilter).
        var apis = app.MapGroup("").WithInputRules();
        apis.MapAccountsApi();
        apis.MapUsersApi();
        apis.MapExportsEndpoints();
        apis.MapPortalApi();
        apis.MapDashboardApi();
        app.MapPortalJobsDashboard();
        return app;
    }
}
