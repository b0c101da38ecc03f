using Microsoft.Extensions.DependencyInjection;
using Portal.Connections;
using Portal.Contracts.Connections;
using Portal.Contracts.Shared;
using Portal.Contracts.Templates;
using Portal.Templates;
using Portal.Exports;
using Portal.Health;

namespace Portal.Tests.Unit.Connections;

/// <summary>Names are stored trimmed, so a name that differs only by spaces is the same name, refused as such (not a database error).</summary>
public sealed class ConnectionNamesTests : IAsyncLifetime
{
    private PortalServices portal = null!;

    public async Task InitializeAsync() => portal = await PortalServices.StartAsync(features: (services, configuration) => services
        .AddDomain(configuration).AddHealth(configuration).AddExports(configuration).AddPortalConnections().AddTemplates());

    public async Task DisposeAsync() => await portal.DisposeAsync();

    [Fact]
    public async Task A_deployment_name_with_spaces_around_an_existing_one_is_refused_on_its_field()
    {
        Assert.True((await SaveAsync<ConnectionService>(s => s.SaveDeploymentAsync(null, new DominoDeploymentForm { Name = "Prod", ApiUrl = "https://domino.example.com" }, default))).Succeeded);

        var again = await SaveAsync<ConnectionService>(s => s.SaveDeploymentAsync(null, new DominoDeploymentForm { Name = " Prod ", ApiUrl = "https://domino.example.com" }, default));

        Assert.Equal("A Domino deployment named \"Prod\" already exists.", again.ErrorFor(nameof(DominoDeploymentForm.Name)));
    }

    [Fact]
    public async Task An_S3_target_name_with_spaces_around_an_existing_one_is_refused_on_its_field()
    {
        Assert.True((await SaveAsync<ConnectionService>(s => s.SaveS3TargetAsync(null, new S3TargetForm { Name = "Lab", Bucket = "lab-bucket" }, default))).Succeeded);

        var again = await SaveAsync<ConnectionService>(s => s.SaveS3TargetAsync(null, new S3TargetForm { Name = "Lab  ", Bucket = "other" }, default));

        Assert.Equal("An S3 target named \"Lab\" already exists.", again.ErrorFor(nameof(S3TargetForm.Name)));
    }

    [Fact]
    public async Task A_registry_name_with_spaces_around_an_existing_one_is_refused_on_its_field()
    {
        Assert.True((await SaveAsync<ConnectionService>(s => s.SaveRegistryAsync(null, new RegistryTargetForm { Name = "Hub", Host = "registry.example.com" }, default))).Succeeded);

        var again = await SaveAsync<ConnectionService>(s => s.SaveRegistryAsync(null, new RegistryTargetForm { Name = "  Hub ", Host = "registry.example.com" }, default));

        Assert.Equal("A registry target named \"Hub\" already exists.", again.ErrorFor(nameof(RegistryTargetForm.Name)));
    }

    [Fact]
    public async Task A_template_name_with_spaces_around_an_existing_one_is_refused_on_its_field()
    {
        Assert.True((await SaveAsync<TemplateService>(s => s.SaveAsync(null, new TemplateForm { Name = "Labels" }, default))).Succeeded);

        var again = await SaveAsync<TemplateService>(s => s.SaveAsync(null, new TemplateForm { Name = "Labels " }, default));

        Assert.Equal("A template named \"Labels\" already exists.", again.ErrorFor(nameof(TemplateForm.Name)));
    }

    [Fact]
    public async Task Renaming_to_the_same_name_with_spaces_keeps_the_connection_and_stores_it_trimmed()
    {
        var saved = await SaveAsync<ConnectionService>(s => s.SaveRegistryAsync(null, new RegistryTargetForm { Name = "Hub", Host = "registry.example.com" }, default));

        var again = await SaveAsync<ConnectionService>(s => s.SaveRegistryAsync(saved.Id, new RegistryTargetForm { Name = " Hub ", Host = "registry.example.com" }, default));

        Assert.True(again.Succeeded);
        await using var scope = portal.CreateScope();
        var overview = await scope.ServiceProvider.GetRequiredService<ConnectionService>().GetAsync(default);
        Assert.Equal("Hub", Assert.Single(overview.Registries).Name);
    }

    private async Task<SaveResult> SaveAsync<TService>(Func<TService, Task<SaveResult>> save) where TService : notnull
    {
        await using var scope = portal.CreateScope();
        return await save(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
