namespace Portal.Tests.Integration.Runs;

/// <summary>A test class of the exports collection: the shared real services, and a fresh portal database per test.</summary>
[Collection(PortalExportsCollection.Name)]
public abstract class PortalExportsTest(PortalExportsFixture fixture) : IAsyncLifetime
{
    protected PortalExportsFixture Fixture { get; } = fixture;

    protected ExportsHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await ExportsHost.StartAsync(Fixture);

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
