using Bunit;
using MudBlazor;
using Portal.Client.Connections;
using Portal.Tests.Unit.Support;
using Portal.Contracts.Connections;
using Portal.Contracts.Shared;

namespace Portal.Tests.Unit.Connections;

public sealed class ConnectionsPageTests : ComponentTest
{
    private static readonly DominoDeploymentDto Prod = new(1, "Domino prod", "https://domino.example.com", true, "registry.domino.example.com",
        "domino-registry", HasRegistryPassword: true);
    private static readonly S3TargetDto Archive = new(2, "Archive", "exports", "projects", "eu-west-1", null, "AKIAEXAMPLE", true, "STANDARD_IA");
    private static readonly RegistryTargetDto Harbor = new(3, "Harbor", "harbor.example.com", null, HasPassword: false);

    public ConnectionsPageTests()
    {
        SignInAsAdmin();
        Connections.Overview = Connections.Overview with { Deployments = [Prod], S3Targets = [Archive], Registries = [Harbor] };
    }

    [Fact]
    public void Test_connection_shows_a_green_or_red_chip_per_check_with_its_message()
    {
        Connections.TestResults[("domino", 1)] = new ConnectionTestResult(
        [
            new ConnectionCheckDto("Domino API", true, "https://domino.example.com answers", 12),
            new ConnectionCheckDto("Domino registry", false, "the registry refused the login", 30),
        ]);
        var page = Render<ConnectionsPage>();

        page.Find("button[aria-label='Test connection Domino prod']").Click();

        var chips = page.FindAll("[data-testid=check-chip]");
        Assert.Equal(2, chips.Count);
        Assert.Equal(("true", "Domino API: https://domino.example.com answers"), (chips[0].GetAttribute("data-healthy"), chips[0].TextContent.Trim()));
        Assert.Contains("mud-chip-color-success", chips[0].ClassName);
        Assert.Equal(("false", "Domino registry: the registry refused the login"), (chips[1].GetAttribute("data-healthy"), chips[1].TextContent.Trim()));
        Assert.Contains("mud-chip-color-error", chips[1].ClassName);
    }

    [Fact]
    public void The_docker_engine_is_shown_read_only_with_its_own_test()
    {
        Connections.TestResults[("docker", 0)] = new ConnectionTestResult([new ConnectionCheckDto("Docker engine", true, "API 1.41", 3)]);
        var page = Render<ConnectionsPage>();

        Assert.Equal("unix:///var/run/docker.sock", page.Find("[data-testid=docker-endpoint]").TextContent);
        page.Find("button[aria-label='Test connection Docker engine']").Click();

        Assert.Equal("Docker engine: API 1.41", page.Find("[data-testid=check-chip]").TextContent.Trim());
        Assert.Empty(page.FindAll("button[aria-label='Edit Docker engine']"));
    }

    [Fact]
    public void The_list_says_whether_a_secret_is_stored_never_what_it_is()
    {
        var page = Render<ConnectionsPage>();

        Assert.Contains("AKIAEXAMPLE, secret stored", page.Markup);
        Assert.Contains("registry.domino.example.com as domino-registry (password stored)", page.Markup);
        Assert.Contains("none", page.FindAll("tr").Single(r => r.TextContent.Contains("Harbor")).TextContent);
    }

    [Fact]
    public void The_edit_dialog_leaves_a_stored_secret_empty_and_offers_to_clear_it()
    {
        var providers = RenderProviders();
        var page = Render<ConnectionsPage>();

        page.Find("button[aria-label='Edit Domino prod']").Click();

        var password = providers.WaitForElement("input[type=password]");
        Assert.Equal("", password.GetAttribute("value") ?? "");
        Assert.Contains("stored — leave empty to keep", providers.Markup);
        Assert.Contains("Clear the stored registry password", providers.Markup);
    }

    [Fact]
    public void Tls_verification_is_offered_only_for_an_https_api_url()
    {
        Connections.Overview = Connections.Overview with { Deployments = [Prod, Prod with { Id = 4, Name = "Lab", ApiUrl = "http://domino.lab:8080" }] };
        var providers = RenderProviders();
        var page = Render<ConnectionsPage>();

        Assert.Equal(["verified", "none (http)"], page.FindAll("td[data-label=TLS]").Select(c => c.TextContent.Trim()));
        page.Find("button[aria-label='Edit Lab']").Click();
        providers.WaitForElement("input[type=password]");
        Assert.Empty(providers.FindAll("[data-testid=verify-tls]"));

        providers.Find("input[placeholder='https://domino.example.com']").Input("https://domino.lab");

        providers.WaitForAssertion(() => Assert.NotEmpty(providers.FindAll("[data-testid=verify-tls]")));
    }

    [Fact]
    public void A_new_connection_says_its_secret_is_not_set()
    {
        var providers = RenderProviders();
        var page = Render<ConnectionsPage>();

        page.FindAll("button").Single(b => b.TextContent.Trim() == "Add registry target").Click();

        Assert.Contains("not set", providers.WaitForElement("input[type=password]").ParentElement!.ParentElement!.ParentElement!.TextContent);
        Assert.DoesNotContain("Clear the stored", providers.Markup);
    }

    [Fact]
    public void A_refused_delete_shows_the_servers_message()
    {
        Connections.DeleteResult = SaveResult.Invalid("", "The export team/model uses this S3 target: change or archive them first.");
        var providers = RenderProviders();
        var page = Render<ConnectionsPage>();

        page.Find("button[aria-label='Delete Archive']").Click();
        providers.WaitForAssertion(() => Assert.Contains("Delete Archive?", providers.Markup));
        providers.FindAll("button").Single(b => b.TextContent.Trim() == "Delete").Click();

        page.WaitForAssertion(() => Assert.Contains("The export team/model uses this S3 target: change or archive them first.", page.Find("[role=alert]").TextContent));
    }

    [Fact]
    public void Saving_a_connection_tests_it_and_shows_the_result_under_its_row()
    {
        Connections.TestResults[("domino", 1)] = new ConnectionTestResult([new ConnectionCheckDto("Domino API", false, "connection refused", 3)]);
        var providers = RenderProviders();
        var page = Render<ConnectionsPage>();

        page.Find("button[aria-label='Edit Domino prod']").Click();
        providers.WaitForElement("input[type=password]");
        providers.FindAll("button").Single(b => b.TextContent.Trim() == "Save").Click();

        page.WaitForAssertion(() => Assert.Equal("Domino API: connection refused", page.Find("[data-testid=check-chip]").TextContent.Trim()));
        Assert.Equal("false", page.Find("[data-testid=check-chip]").GetAttribute("data-healthy"));
        Assert.Contains("the test's result is under its row", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Saving_a_dialog_shows_the_servers_field_errors_under_the_fields()
    {
        Connections.SaveResult = SaveResult.Invalid("ApiUrl", "Enter the Domino API's http(s) URL, e.g. https://domino.example.com");
        var providers = RenderProviders();
        var page = Render<ConnectionsPage>();

        page.Find("button[aria-label='Edit Domino prod']").Click();
        providers.WaitForElement("input[type=password]");
        providers.FindAll("button").Single(b => b.TextContent.Trim() == "Save").Click();

        providers.WaitForAssertion(() => Assert.Contains("Enter the Domino API's http(s) URL",
            providers.Find(".mud-dialog .mud-input-helper-text.mud-input-error").TextContent));
        Assert.IsType<DominoDeploymentForm>(Connections.Saved.Single());
    }
}
