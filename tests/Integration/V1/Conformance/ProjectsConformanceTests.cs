using System.Net;
using System.Text.Json;
using Portal.Tests.Integration.Support;
using static Portal.Tests.Integration.V1.Conformance.V1Messages;

namespace Portal.Tests.Integration.V1.Conformance;

/// <summary>
/// Create and update of project exports, against docs/v1-compatibility.md: for each answer the status, the exact
/// fields and messages, which check wins when several apply; every answer is checked against /v1/openapi.json.
/// </summary>
[Collection(PortalHostCollection.Name)]
public sealed partial class ProjectsConformanceTests(V1Fixture portal) : IClassFixture<V1Fixture>
{
    private const string Create = "/v1/projects/create";

    private async Task<V1Script> ScriptAsync(string? key)
    {
        var http = portal.V1Client(key);
        return new V1Script(http, await V1Document.LoadAsync(portal.Client()));
    }

    private static string CreateBody(string project, string group, string name, string owner = "alice") =>
        JsonSerializer.Serialize(new { username = owner, project_name = project, export_group_name = group, export_project_name = name });

    /// <summary>An answer the original gave in the same situation: its four fields, nothing added.</summary>
    private static void AssertOriginal(ScriptAnswer answer, HttpStatusCode status, string message)
    {
        Assert.Equal(status, answer.Status);
        Assert.Equal(ExportFields, answer.Fields);
        Assert.False(answer.Json.GetProperty("success").GetBoolean());
        Assert.Equal(message, answer.Message);
    }

    [Fact]
    public async Task No_key_is_the_originals_401_word_for_word_with_the_hint_in_a_header()
    {
        portal.AliceProject("keyless");
        var script = new V1Script(portal.V1Client(null), document: null);

        var answer = await script.PostAsync(Create, CreateBody("keyless", "keyless", "x"));

        AssertOriginal(answer, HttpStatusCode.Unauthorized, NoPermission);
        Assert.Equal("DominoApiKey header=\"X-Domino-Api-Key\"", Assert.Single(answer.Headers.WwwAuthenticate).ToString());
        var update = await script.PutAsync("/v1/projects/update/0123456789abcdef0123456789abcdef", "{}");
        AssertOriginal(update, HttpStatusCode.Unauthorized, NoPermission);
        await script.AssertDocumentedAsync(portal.Client());
    }

    [Fact]
    public async Task Create_answers_201_with_the_originals_four_fields()
    {
        portal.AliceProject("created");
        var script = await ScriptAsync(portal.DominoAlice.ApiKey);

        var answer = await script.PostAsync(Create, CreateBody("created", "created", "x"));

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.Equal(ExportFields, answer.Fields);
        Assert.True(answer.Json.GetProperty("success").GetBoolean());
        Assert.Equal(JsonValueKind.Null, answer.Json.GetProperty("message").ValueKind);
        Assert.Matches("^[0-9a-f]{32}$", answer.Json.GetProperty("export_id").GetString());
        Assert.Equal(900, answer.Json.GetProperty("export_frequency_seconds").GetInt32());
    }

    [Fact]
    public async Task Create_refusals_carry_the_originals_messages_exactly()
    {
        portal.AliceProject("refused");
        var bobs = portal.Domino.AddProject(portal.DominoBob, "bobs-refused");
        bobs.Grant(portal.DominoAlice, canChangeSettings: false);
        var alice = await ScriptAsync(portal.DominoAlice.ApiKey);
        Assert.Equal(HttpStatusCode.Created, (await alice.PostAsync(Create, CreateBody("refused", "refused", "first"))).Status);
        portal.AliceProject("refused-other");

        AssertOriginal(await alice.PostAsync(Create, CreateBody("no-such-project", "g", "n")), HttpStatusCode.BadRequest, ProjectMissing);
        AssertOriginal(await (await ScriptAsync("not-a-domino-key")).PostAsync(Create, CreateBody("refused", "g", "n")),
            HttpStatusCode.Unauthorized, NoPermission);
        AssertOriginal(await alice.PostAsync(Create, CreateBody("bobs-refused", "g", "n", "bob")), HttpStatusCode.Unauthorized, NoPermission);
        AssertOriginal(await alice.PostAsync(Create, CreateBody("refused", "refused", "second")), HttpStatusCode.Conflict, ProjectTaken);
        AssertOriginal(await alice.PostAsync(Create, CreateBody("refused-other", "refused", "first")), HttpStatusCode.Conflict, NamesTaken);
        AssertOriginal(await alice.PostAsync(Create, CreateBody("refused-other", "bad group!", "n")), HttpStatusCode.UnprocessableEntity, InvalidGroup);
        AssertOriginal(await alice.PostAsync(Create, CreateBody("refused-other", "g", "-n")), HttpStatusCode.UnprocessableEntity, InvalidProject);
    }

    [Theory]
    [InlineData("{\"username\": \"alice\",", "the body is not valid JSON (line 1, position ")]
    [InlineData("", "the body is empty; send a JSON object")]
    [InlineData("[1, 2]", "the body must be a JSON object, not an array")]
    [InlineData("{\"username\": \"alice\", \"export_group_name\": \"g\"}", "missing required fields: project_name, export_project_name")]
    [InlineData("{\"username\": 7, \"project_name\": \"p\", \"export_group_name\": \"g\", \"export_project_name\": \"n\"}",
        "field 'username' must be a string, not a number")]
    [InlineData("{\"username\": \"alice\", \"project_name\": \"p\", \"export_group_name\": \"g\", \"export_project_name\": \"n\", \"owner\": 1}",
        "unknown field 'owner' (allowed: username, project_name, export_group_name, export_project_name, export_frequency_seconds)")]
    [InlineData("{\"username\": \"alice\", \"project_name\": \"p\", \"export_group_name\": \"g\", \"export_project_name\": \"n\", \"export_frequency_seconds\": 10}",
        "field 'export_frequency_seconds' must be at least 60 (it was 10)")]
    public async Task Bad_input_is_400_with_the_130_message_exactly_and_what_to_fix_in_hint(string body, string hint)
    {
        portal.AliceProject("p");
        var script = await ScriptAsync(portal.DominoAlice.ApiKey);

        var answer = await script.PostAsync(Create, body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal([.. ExportFields, "hint"], answer.Fields);
        Assert.Equal(Malformed, answer.Message);
        Assert.StartsWith(hint, answer.Json.GetProperty("hint").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_json_content_type_the_warning_follows_the_answers_message()
    {
        portal.AliceProject("Plain");
        var script = await ScriptAsync(portal.DominoAlice.ApiKey);

        var created = await script.PostAsync(Create, CreateBody("Plain", "Plain", "Text"), contentType: "text/plain");
        var refused = await script.PostAsync(Create, CreateBody("no-such-project", "g", "n"), contentType: null);
        var updated = await script.PutAsync($"/v1/projects/update/{created.Json.GetProperty("export_id").GetString()}", "{}", contentType: null);

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal($"{GroupLowered};  {ProjectLowered};  {NoContentType}", created.Message);
        AssertOriginal(refused, HttpStatusCode.BadRequest, $"{ProjectMissing};  {NoContentType}");
        Assert.Equal(HttpStatusCode.OK, updated.Status);
        Assert.Equal(NoContentType, updated.Message);
    }

    [Fact]
    public async Task Refusals_the_original_never_gave_keep_its_message_and_say_why_in_hint()
    {
        var outsider = portal.Domino.AddUser("conformance-outsider");
        portal.Domino.AddProject(outsider, "outside");

        var answer = await (await ScriptAsync(outsider.ApiKey)).PostAsync(Create, CreateBody("outside", "outside", "x", "conformance-outsider"));

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal([.. ExportFields, "hint"], answer.Fields);
        Assert.Equal(NoPermission, answer.Message);
        Assert.StartsWith("No portal account has stored this Domino API key and no v1 service account is designated",
            answer.Json.GetProperty("hint").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Domino_failing_is_503_with_the_199_text_in_each_paths_shape()
    {
        var stranger = portal.Domino.AddUser("conformance-stranger");
        var script = await ScriptAsync(stranger.ApiKey);
        portal.Domino.Faults.Fail("/v4/auth/principal", times: 10, status: 502, body: "bad gateway");
        try
        {
            var create = await script.PostAsync(Create, CreateBody("x", "y", "z", "conformance-stranger"));
            var status = await script.GetAsync("/v1/projects/status");

            AssertOriginal(create, HttpStatusCode.ServiceUnavailable, "An unexpected error has occurred: DominoException");
            Assert.Equal((HttpStatusCode.ServiceUnavailable, "[]"), (status.Status, status.Json.GetRawText()));
        }
        finally
        {
            portal.Domino.Faults.Clear();
        }
    }
}
