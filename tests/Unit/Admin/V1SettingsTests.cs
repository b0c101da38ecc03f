using Bunit;
using Portal.Tests.Unit.Support;
using Portal.Contracts.Shared;

namespace Portal.Tests.Unit.Admin;

public sealed class V1SettingsTests : ComponentTest
{
    public V1SettingsTests() => SignInAsAdmin();

    [Fact]
    public void Saving_sends_the_settings_and_says_so()
    {
        RenderProviders();
        V1Settings.Dto.Settings.DominoDeploymentId = 1;
        var component = Render<Portal.Client.Admin.V1Settings>();

        component.FindAll("button").Single(b => b.TextContent.Contains("Save v1 settings", StringComparison.Ordinal)).Click();

        Assert.Equal(1, Assert.Single(V1Settings.Saved).DominoDeploymentId);
        component.WaitForAssertion(() => Assert.Contains("Saved.", component.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public void A_refused_save_marks_the_field_the_server_names()
    {
        RenderProviders();
        V1Settings.SaveResult = SaveResult.Invalid("S3TargetId", "This S3 target no longer exists.");
        var component = Render<Portal.Client.Admin.V1Settings>();

        component.FindAll("button").Single(b => b.TextContent.Contains("Save v1 settings", StringComparison.Ordinal)).Click();

        component.WaitForAssertion(() => Assert.Contains("This S3 target no longer exists.", component.Markup, StringComparison.Ordinal));
        Assert.Contains("Check the fields marked in red.", component.Markup, StringComparison.Ordinal);
    }
}
