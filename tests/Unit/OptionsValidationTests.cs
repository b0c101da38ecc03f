using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Jobs;
using Portal.Notifications;

namespace Portal.Tests.Unit;

public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("Portal:AdminEmail", "not an email", "Portal:AdminEmail")]
    [InlineData("Portal:PublicUrl", "portal.example.com", "Portal:PublicUrl")]
    public async Task A_wrong_portal_setting_fails_with_the_key_in_the_message(string key, string value, string expected)
    {
        await using var portal = await PortalServices.StartAsync(new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => portal.Services.GetRequiredService<IOptions<PortalOptions>>().Value);

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task A_webhook_that_is_not_an_http_url_fails_validation()
    {
        await using var portal = await PortalServices.StartAsync(new Dictionary<string, string?> { ["Notifications:SignupWebhookUrl"] = "hooks.slack.com/x" });

        Assert.Throws<OptionsValidationException>(() => portal.Services.GetRequiredService<IOptions<NotificationOptions>>().Value);
    }

    [Fact]
    public async Task Hangfire_queues_from_configuration_replace_the_default_queue()
    {
        await using var portal = await PortalServices.StartAsync(new Dictionary<string, string?>
        {
            ["Hangfire:WorkerCount"] = "3",
            ["Hangfire:Queues:0"] = "exports",
            ["Hangfire:Queues:1"] = "default",
        });

        var jobs = portal.Services.GetRequiredService<IOptions<JobsOptions>>().Value;

        Assert.Equal(3, jobs.WorkerCount);
        Assert.Equal(["exports", "default"], jobs.EffectiveQueues);
    }

    [Fact]
    public async Task The_audit_retention_defaults_to_a_year_and_less_than_a_day_fails_validation()
    {
        await using var defaults = await PortalServices.StartAsync();
        await using var tooShort = await PortalServices.StartAsync(new Dictionary<string, string?> { ["Audit:Retention"] = "01:00:00" });

        Assert.Equal(TimeSpan.FromDays(365), defaults.Services.GetRequiredService<IOptions<Portal.Audit.AuditOptions>>().Value.Retention);
        var error = Assert.Throws<OptionsValidationException>(() => tooShort.Services.GetRequiredService<IOptions<Portal.Audit.AuditOptions>>().Value);
        Assert.Contains("Retention", error.Message);
    }

    [Fact]
    public async Task Zero_hangfire_workers_fails_validation()
    {
        await using var portal = await PortalServices.StartAsync(new Dictionary<string, string?> { ["Hangfire:WorkerCount"] = "0" });

        Assert.Throws<OptionsValidationException>(() => portal.Services.GetRequiredService<IOptions<JobsOptions>>().Value);
    }
}
