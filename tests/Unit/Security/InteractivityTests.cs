using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Security;

namespace Portal.Tests.Unit.Security;

/// <summary>Portal:Interactivity: Auto by default; Server leaves WebAssembly out of the content security policy.</summary>
public sealed class InteractivityTests
{
    [Fact]
    public async Task Auto_is_the_default_and_its_policy_allows_the_WebAssembly_runtime()
    {
        await using var portal = await PortalServices.StartAsync(new Dictionary<string, string?>());

        var interactivity = portal.Services.GetRequiredService<IOptions<PortalOptions>>().Value.Interactivity;

        Assert.Equal(PortalInteractivity.Auto, interactivity);
        Assert.Contains("script-src 'self' 'nonce-n1' 'wasm-unsafe-eval';", SecurityHeaders.PolicyFor(interactivity, "n1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_is_read_from_configuration_and_its_policy_leaves_WebAssembly_out_and_keeps_the_rest()
    {
        await using var portal = await PortalServices.StartAsync(new Dictionary<string, string?> { ["Portal:Interactivity"] = "Server" });

        var interactivity = portal.Services.GetRequiredService<IOptions<PortalOptions>>().Value.Interactivity;
        var policy = SecurityHeaders.PolicyFor(interactivity, "n1");

        Assert.Equal(PortalInteractivity.Server, interactivity);
        Assert.DoesNotContain("wasm", policy, StringComparison.Ordinal);
        Assert.Equal(SecurityHeaders.PolicyFor(PortalInteractivity.Auto, "n1").Replace(" 'wasm-unsafe-eval'", "", StringComparison.Ordinal), policy);
    }
}
