using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Tests.Integration.Support;

namespace Portal.Tests.Integration.Hardening;

/// <summary>The refusals issue 13 found missing, each as it was reproduced: a 400 naming the field, and nothing stored.</summary>
[Collection(PortalHostCollection.Name)]
public sealed class InputRulesTests(AdminFixture portal) : IClassFixture<AdminFixture>
{
    public static TheoryData<string, string, string> Refused => new()
    {
        { "/api/admin/connections/s3", "{\"name\":\"s3\",\"bucket\":\"Bad_Bucket!!\",\"region\":\"us-east-1\",\"storageClass\":\"STANDARD\"}", "Bucket" },
        { "/api/admin/connections/s3", "{\"name\":\"s3\",\"bucket\":\"good-bucket\",\"prefix\":\"../../../\",\"region\":\"us-east-1\",\"storageClass\":\"STANDARD\"}", "Prefix" },
        { "/api/admin/connections/s3", "{\"name\":\"s3\",\"bucket\":\"192.168.5.4\",\"region\":\"us-east-1\",\"storageClass\":\"STANDARD\"}", "Bucket" },
        { "/api/admin/connections/registries", "{\"name\":\"r\",\"host\":\"<script>alert(1)</script>\"}", "Host" },
        { "/api/admin/connections/registries", "{\"name\":\"r\",\"host\":\"../../etc\"}", "Host" },
        { "/api/admin/connections/registries", "{\"name\":\"r\",\"host\":\"registry.example:99999\"}", "Host" },
        { "/api/admin/connections/registries", "{\"name\":\"r\",\"host\":\"registry.example\",\"password\":\"" + new string('p', 100_000) + "\"}", "Password" },
        { "/api/admin/connections/domino", "{\"name\":\"d\",\"apiUrl\":\"http://domino.example\",\"registryHost\":\"a b\"}", "RegistryHost" },
        { "/api/admin/templates", "{\"name\":\"t\",\"content\":\"FROM {DOMINO_DOCKER_IMAGE}\\n" + new string('#', 70_000) + "\"}", "Content" },
        { "/api/admin/templates", "{\"name\":\"t\",\"content\":\"FROM {DOMINO_DOCKER_IMAGE}\\nRUN echo \\u0000\"}", "Content" },
        { "/api/profile/tokens", "{\"name\":\"evil\\u0000name\",\"expiresInDays\":30}", "Name" },
        { "/api/profile/tokens", "{\"name\":\"\\u202Eevil\",\"expiresInDays\":30}", "Name" },
        { "/api/exports", "{\"kind\":\"Environment\",\"environmentId\":\"" + new string('e', 100_000) + "\",\"groupName\":\"g\",\"projectName\":\"p\"}", "EnvironmentId" },
        { "/api/exports", "{\"kind\":\"Project\",\"dominoOwnerName\":\"o\",\"dominoProjectName\":\"a\\u0000b\",\"groupName\":\"g\",\"projectName\":\"p\"}", "DominoProjectName" },
        { "/api/exports", "{\"kind\":\"Project\",\"groupName\":\"" + new string('g', 100_000) + "\",\"projectName\":\"p\"}", "GroupName" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_value_that_breaks_a_rule_is_refused_with_the_field_named_and_nothing_is_stored(string path, string json, string field)
    {
        using var http = await portal.SignInAsync(portal.Admin.Email);
        var before = await CountsAsync();

        using var response = await http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(JsonNode.Parse(body)!["errors"]?[field] is not null, body);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Valid_values_pass_the_same_rules()
    {
        using var http = await portal.SignInAsync(portal.Admin.Email);

        using var s3 = await http.PostAsJsonAsync("/api/admin/connections/s3", new { name = "ok-s3", bucket = "my.exports-2", prefix = "team/a..b/", region = "eu-west-1", storageClass = "STANDARD" });
        using var registry = await http.PostAsJsonAsync("/api/admin/connections/registries", new { name = "ok-reg", host = "[::1]:5000" });
        using var other = await http.PostAsJsonAsync("/api/admin/connections/registries", new { name = "ok-reg2", host = "registry-1.example.com" });

        Assert.Equal(HttpStatusCode.OK, s3.StatusCode);
        Assert.Equal(HttpStatusCode.OK, registry.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    private Task<string> CountsAsync() => portal.DbAsync(async db =>
        $"{await db.S3Destinations.CountAsync()} {await db.RegistryDestinations.CountAsync()} {await db.DominoDeployments.CountAsync()} "
        + $"{await db.DockerfileTemplates.CountAsync()} {await db.Exports.CountAsync()} {await db.Set<Portal.Profile.PersonalAccessToken>().CountAsync()}");
}
