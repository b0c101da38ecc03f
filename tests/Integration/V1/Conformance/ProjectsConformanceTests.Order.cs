using System.Net;
using static Portal.Tests.Integration.V1.Conformance.V1Messages;

namespace Portal.Tests.Integration.V1.Conformance;

/// <summary>Which check answers when several fail, on create and on update: the original's order.</summary>
public sealed partial class ProjectsConformanceTests
{
    [Theory]
    [InlineData("malformed body beats a missing key", null, "{", HttpStatusCode.BadRequest, Malformed)]
    [InlineData("a missing field beats an unknown key", "unknown-key", "{\"username\": \"alice\"}", HttpStatusCode.BadRequest, Malformed)]
    [InlineData("the key beats an unknown project", "unknown-key", "project:no-such-project,g,n", HttpStatusCode.Unauthorized, NoPermission)]
    [InlineData("an unknown project beats bad names", "alice", "project:no-such-project,bad group!,-n", HttpStatusCode.BadRequest, ProjectMissing)]
    [InlineData("no access beats bad names", "alice", "bob:bobs-order,bad group!,-n", HttpStatusCode.Unauthorized, NoPermission)]
    [InlineData("the group name is checked before the project name", "alice", "project:order,bad group!,-n", HttpStatusCode.UnprocessableEntity, InvalidGroup)]
    [InlineData("bad names beat taken names", "alice", "project:order-taken,order,bad!", HttpStatusCode.UnprocessableEntity, InvalidProject)]
    [InlineData("a taken project beats taken names", "alice", "project:order-taken,order,taken", HttpStatusCode.Conflict, ProjectTaken)]
    public async Task When_several_checks_fail_the_first_in_the_originals_order_answers(string rule, string? who, string request,
        HttpStatusCode status, string message)
    {
        _ = rule;
        portal.AliceProject("order");
        portal.AliceProject("order-taken");
        portal.Domino.AddProject(portal.DominoBob, "bobs-order").Grant(portal.DominoAlice, canChangeSettings: false);
        var alice = await ScriptAsync(portal.DominoAlice.ApiKey);
        var taken = await alice.PostAsync(Create, CreateBody("order-taken", "order", "taken"));
        Assert.True(taken.Status is HttpStatusCode.Created or HttpStatusCode.Conflict, $"setting up the taken export answered {taken.Status}");
        var script = await ScriptAsync(who switch { null => null, "alice" => portal.DominoAlice.ApiKey, _ => who });
        var body = request.StartsWith("project:", StringComparison.Ordinal) || request.StartsWith("bob:", StringComparison.Ordinal)
            ? Body(request)
            : request;

        var answer = await script.PostAsync(Create, body);

        Assert.Equal(status, answer.Status);
        Assert.Equal(message, answer.Message);

        static string Body(string request)
        {
            var owner = request.StartsWith("bob:", StringComparison.Ordinal) ? "bob" : "alice";
            var parts = request[(request.IndexOf(':', StringComparison.Ordinal) + 1)..].Split(',');
            return CreateBody(parts[0], parts[1], parts[2], owner);
        }
    }

    [Fact]
    public async Task Update_answers_and_refusals_and_which_check_wins()
    {
        var shared = portal.Domino.AddProject(portal.DominoBob, "update-shared");
        shared.Grant(portal.DominoAlice);
        portal.AliceProject("update-taken");
        var alice = await ScriptAsync(portal.DominoAlice.ApiKey);
        var id = (await alice.PostAsync(Create, CreateBody("update-shared", "update", "mine", "bob"))).Json.GetProperty("export_id").GetString()!;
        await alice.PostAsync(Create, CreateBody("update-taken", "update", "taken"));
        const string unknown = "/v1/projects/update/0123456789abcdef0123456789abcdef";

        var changed = await alice.PutAsync($"/v1/projects/update/{id}", "{\"export_group_name\": \"Update\", \"disabled\": false}");
        Assert.Equal(HttpStatusCode.OK, changed.Status);
        Assert.Equal(ExportFields, changed.Fields);
        Assert.Equal((id, GroupLowered), (changed.Json.GetProperty("export_id").GetString(), changed.Message));

        AssertOriginal(await alice.PutAsync(unknown, "{}"), HttpStatusCode.NotFound, UnknownExport);
        AssertOriginal(await (await ScriptAsync("unknown-key")).PutAsync(unknown, "{}"), HttpStatusCode.Unauthorized, NoPermission);
        AssertOriginal(await alice.PutAsync(unknown, "{\"export_group_name\": \"bad group!\"}"), HttpStatusCode.NotFound, UnknownExport);
        AssertOriginal(await alice.PutAsync($"/v1/projects/update/{id}", "{\"export_group_name\": \"bad group!\"}"),
            HttpStatusCode.UnprocessableEntity, InvalidGroup);
        AssertOriginal(await alice.PutAsync($"/v1/projects/update/{id}", "{\"export_project_name\": \"taken\"}"), HttpStatusCode.Conflict, NamesTaken);
        var badType = await alice.PutAsync($"/v1/projects/update/{id}", "{\"disabled\": \"yes\"}");
        Assert.Equal((HttpStatusCode.BadRequest, Malformed), (badType.Status, badType.Message));
        Assert.Equal("field 'disabled' must be true or false, not a string", badType.Json.GetProperty("hint").GetString());

        // The key lost its right to change the project: 401 before the names are looked at.
        shared.Grant(portal.DominoAlice, canChangeSettings: false);
        AssertOriginal(await alice.PutAsync($"/v1/projects/update/{id}", "{\"export_group_name\": \"bad group!\"}"),
            HttpStatusCode.Unauthorized, NoPermission);
    }
}
