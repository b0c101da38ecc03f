using Portal.Domain.Domino;
using Portal.Testbed.Domino;
using Portal.Contracts.Runs;

namespace Portal.Tests.Integration.Domain.Domino;

public sealed class DominoClientTests : IAsyncLifetime
{
    private DominoDouble _domino = null!;
    private readonly Microsoft.Extensions.DependencyInjection.ServiceProvider _services = DominoClients.Services();

    public async Task InitializeAsync() => _domino = await DominoDouble.StartAsync();

    public async Task DisposeAsync()
    {
        await _domino.DisposeAsync();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task Resolves_a_project_and_lists_the_files_of_its_head_commit()
    {
        var alice = _domino.AddUser("alice");
        var project = _domino.AddProject(alice, "churn");
        project.Commit(new TestFile("a.txt", TestContent.FromText("old")));
        var head = project.Commit(new TestFile("a.txt", TestContent.FromText("new")), new TestFile("deep/b/c.csv", TestContent.FromText("1,2")));
        var client = _services.Create(_domino, alice.ApiKey);

        var found = await client.FindProjectAsync("alice", "churn", default);
        var commit = await client.GetHeadCommitAsync(found.Id, default);
        var files = await client.ListFilesAsync(found.Id, commit!.Id, default);

        Assert.True(found.CanExport);
        Assert.Equal(head.Id, commit.Id);
        Assert.Equal(["a.txt", "deep/b/c.csv"], files.Select(f => f.Path));
        Assert.Equal(head.Files["a.txt"].Content.Key, files[0].Key);
        Assert.Equal(3, files[0].Size);
    }

    [Fact]
    public async Task Encodes_path_segments_and_query_values()
    {
        var bob = _domino.AddUser("bob");
        const string odd = "q3 report+%#?ü";
        var project = _domino.AddProject(bob, odd);
        project.Commit(new TestFile("x", TestContent.FromText("x")));
        var client = _services.Create(_domino, bob.ApiKey);

        var found = await client.FindProjectAsync("bob", odd, default);
        await using var blob = await client.OpenBlobAsync(found, new DominoFile("x", project.Head!.Files["x"].Content.Key, 1), default);

        Assert.Equal(odd, found.Name);
        Assert.Contains(_domino.Requests, r => r.RawTarget.Contains("projectName=q3%20report%2B%25%23%3F%C3%BC", StringComparison.Ordinal));
        Assert.Contains(_domino.Requests, r => r.RawTarget.StartsWith("/v1/projects/bob/q3%20report%2B%25%23%3F%C3%BC/blobs/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Streams_a_file_with_its_length()
    {
        var alice = _domino.AddUser("alice");
        var project = _domino.AddProject(alice, "big");
        var content = TestContent.Generated(3_000_000, seed: 7);
        project.Commit(new TestFile("data.bin", content));
        var client = _services.Create(_domino, alice.ApiKey);
        var found = await client.FindProjectAsync("alice", "big", default);

        await using var blob = await client.OpenBlobAsync(found, new DominoFile("data.bin", content.Key, content.Length), default);
        var hash = Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(blob.Content));

        Assert.Equal(content.Length, blob.Length);
        Assert.Equal(content.Sha256(), hash);
    }

    [Fact]
    public async Task Lists_projects_with_their_right_to_export_or_unknown_when_the_list_lacks_permissions()
    {
        var alice = _domino.AddUser("alice");
        var carol = _domino.AddUser("carol");
        _domino.AddProject(alice, "churn");
        _domino.AddProject(carol, "shared").Grant(alice, canChangeSettings: false);
        var client = _services.Create(_domino, alice.ApiKey);

        var full = await client.ListProjectsAsync(default);
        _domino.ProjectListShape = ProjectListShape.Lean;
        var lean = await client.ListProjectsAsync(default);

        Assert.Equal([new DominoListedProject("alice", "churn", true), new DominoListedProject("carol", "shared", false)], full);
        Assert.Equal([new DominoListedProject("alice", "churn", null), new DominoListedProject("carol", "shared", null)], lean);
    }

    [Fact]
    public async Task Maps_an_unknown_project_to_131_and_a_stranger_to_132()
    {
        var alice = _domino.AddUser("alice");
        var mallory = _domino.AddUser("mallory");
        _domino.AddProject(alice, "secret");

        var unknown = await Assert.ThrowsAsync<DominoException>(() => _services.Create(_domino, alice.ApiKey).FindProjectAsync("alice", "nope", default));
        var stranger = await Assert.ThrowsAsync<DominoException>(() => _services.Create(_domino, mallory.ApiKey).FindProjectAsync("alice", "secret", default));

        Assert.Equal(StatusCode.APIProjectNotFound, unknown.Code);
        Assert.Equal("The input supplied is invalid: specified Domino Project does not exist", unknown.Message);
        Assert.Equal(StatusCode.APIUnauthorized, stranger.Code);
    }

    [Fact]
    public async Task A_listing_refused_at_an_unknown_commit_names_the_commit_not_a_missing_project()
    {
        var alice = _domino.AddUser("alice");
        var project = _domino.AddProject(alice, "churn");
        project.Commit(new TestFile("a.txt", TestContent.FromText("one")));
        var client = _services.Create(_domino, alice.ApiKey);
        var found = await client.FindProjectAsync("alice", "churn", default);

        var refused = await Assert.ThrowsAsync<DominoException>(() => client.ListFilesAsync(found.Id, "0123456789abcdef", default));

        Assert.Equal(StatusCode.DominoAPIError, refused.Code);
        Assert.StartsWith("Domino could not list the files at commit 0123456789abcdef", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("does not exist", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_collaborator_without_settings_rights_cannot_export()
    {
        var alice = _domino.AddUser("alice");
        var carol = _domino.AddUser("carol");
        _domino.AddProject(alice, "shared").Grant(carol, canChangeSettings: false);

        var found = await _services.Create(_domino, carol.ApiKey).FindProjectAsync("alice", "shared", default);

        Assert.False(found.CanExport);
    }

    [Fact]
    public async Task Rejects_a_key_Domino_treats_as_anonymous()
    {
        var error = await Assert.ThrowsAsync<DominoException>(() => _services.Create(_domino, "not-a-key").GetPrincipalAsync(default));

        Assert.Equal(StatusCode.APIUnauthorized, error.Code);
    }

    [Fact]
    public async Task Retries_server_errors_and_then_succeeds()
    {
        var alice = _domino.AddUser("alice");
        var project = _domino.AddProject(alice, "flaky");
        project.Commit(new TestFile("a", TestContent.FromText("a")));
        _domino.Faults.Fail("/commits", times: 2, status: 503);

        var head = await _services.Create(_domino, alice.ApiKey).GetHeadCommitAsync(project.Id, default);

        Assert.Equal(project.Head!.Id, head!.Id);
        Assert.Equal(3, _domino.Requests.Count(r => r.RawTarget.EndsWith("/commits", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Gives_up_after_the_retries_with_a_Domino_API_error()
    {
        var alice = _domino.AddUser("alice");
        var project = _domino.AddProject(alice, "down");
        _domino.Faults.Fail("/commits", times: 10, status: 502, body: "Bad Gateway");

        var error = await Assert.ThrowsAsync<DominoException>(() => _services.Create(_domino, alice.ApiKey).GetHeadCommitAsync(project.Id, default));

        Assert.Equal(StatusCode.DominoAPIError, error.Code);
        Assert.Contains("502", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, _domino.Requests.Count(r => r.RawTarget.EndsWith("/commits", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Does_not_retry_a_500_that_means_the_file_is_gone()
    {
        var alice = _domino.AddUser("alice");
        var project = _domino.AddProject(alice, "p");
        var content = TestContent.FromText("soon gone");
        project.Commit(new TestFile("f", content));
        project.VanishBlob(content.Key);
        var client = _services.Create(_domino, alice.ApiKey);
        var found = await client.FindProjectAsync("alice", "p", default);

        var error = await Assert.ThrowsAsync<DominoException>(() => client.OpenBlobAsync(found, new DominoFile("f", content.Key, content.Length), default));

        Assert.Equal(StatusCode.DominoFileNotFound, error.Code);
        Assert.Single(_domino.Requests, r => r.RawTarget.Contains("/blobs/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Resolves_a_projects_environment_and_its_revisions()
    {
        var alice = _domino.AddUser("alice");
        var environment = _domino.AddEnvironment("Python 3.11");
        environment.AddRevision("registry.local:5000/domino/env:1");
        environment.AddRevision("registry.local:5000/domino/env:2");
        var project = _domino.AddProject(alice, "p");
        project.SelectEnvironment(environment.Id, 2);
        var client = _services.Create(_domino, alice.ApiKey);

        var selection = await client.GetProjectEnvironmentAsync(project.Id, default);
        var revisions = await client.GetEnvironmentRevisionsAsync(selection.EnvironmentId, default);
        var all = await client.ListEnvironmentsAsync(default);

        Assert.Equal(new EnvironmentSelection(environment.Id, 2), selection);
        Assert.Equal("registry.local:5000/domino/env:2", revisions.Single(r => r.Number == 2).DockerImageName);
        Assert.Equal("Python 3.11", all.Single(e => e.Id == environment.Id).Name);
    }

    [Fact]
    public async Task Maps_environment_500_answers_to_not_found_and_not_authorized()
    {
        var alice = _domino.AddUser("alice");
        var environment = _domino.AddEnvironment("Restricted");
        environment.Deny(alice);
        var client = _services.Create(_domino, alice.ApiKey);

        var missing = await Assert.ThrowsAsync<DominoException>(() => client.GetEnvironmentRevisionsAsync("no-such-env", default));
        var denied = await Assert.ThrowsAsync<DominoException>(() => client.GetEnvironmentRevisionsAsync(environment.Id, default));

        Assert.Equal(StatusCode.DominoEnvironmentNotFound, missing.Code);
        Assert.Equal(StatusCode.APIUnauthorized, denied.Code);
        Assert.Equal(2, _domino.Requests.Count(r => r.RawTarget.StartsWith("/environments/", StringComparison.Ordinal)));
    }
}
