using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Providers;
using Portal.Tests.Integration.Support;

namespace Portal.Tests.Integration.Hardening;

/// <summary>A portal whose database fails any query that carries <see cref="Marker"/>: an unexpected failure on demand.</summary>
public sealed class FailingPortal : PortalHost
{
    public const string Marker = "explode-on-purpose";

    public Portal.Accounts.PortalUser Admin { get; private set; } = null!;

    protected override void ConfigureServices(IServiceCollection services) =>
        services.ConfigureDbContext<SqlitePortalDbContext>(o => o.AddInterceptors(new Exploding()));

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Admin = await UserAsync("admin@example.com");
    }

    private sealed class Exploding : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            command.Parameters.Cast<DbParameter>().Any(p => p.Value?.ToString()?.Contains(Marker, StringComparison.Ordinal) == true)
                ? throw new InvalidOperationException("The database failed on purpose at /home/build/src/secret-path.cs")
                : base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}

[Collection(PortalHostCollection.Name)]
public sealed class ApiErrorTests(FailingPortal portal) : IClassFixture<FailingPortal>
{
    [Fact]
    public async Task An_unexpected_failure_on_the_api_is_problem_details_without_html_or_internals()
    {
        using var http = await portal.SignInAsync(portal.Admin.Email);

        using var response = await http.GetAsync($"/api/exports?Search={FailingPortal.Marker}");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrWhiteSpace(JsonNode.Parse(body)!["detail"]?.GetValue<string>()), body);
        Assert.DoesNotContain("<html", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secret-path", body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"name\": \"unterminated", "not valid JSON")]
    [InlineData("{\"name\": 5, \"expiresInDays\": 30}", "wrong type at '$.name'")]
    [InlineData("{\"name\": \"ok\", \"expiresInDays\": \"thirty\"}", "wrong type at '$.expiresInDays'")]
    public async Task A_body_that_is_not_json_or_has_a_wrong_type_gets_400_problem_details_naming_the_field(string json, string reason)
    {
        using var http = await portal.SignInAsync(portal.Admin.Email);

        using var response = await http.PostAsync("/api/profile/tokens", new StringContent(json, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(reason, JsonNode.Parse(body)!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enums_are_accepted_and_answered_as_names_and_the_openapi_document_names_them()
    {
        using var http = await portal.SignInAsync(portal.Admin.Email);

        using var byName = await http.PostAsync("/api/exports/validate",
            new StringContent("{\"kind\":\"Environment\",\"groupName\":\"g\",\"projectName\":\"p\"}", Encoding.UTF8, "application/json"));
        using var byNumber = await http.PostAsync("/api/exports/validate",
            new StringContent("{\"kind\":1,\"groupName\":\"g\",\"projectName\":\"p\"}", Encoding.UTF8, "application/json"));
        using var unknown = await http.PostAsync("/api/exports/validate",
            new StringContent("{\"kind\":\"Spaceship\"}", Encoding.UTF8, "application/json"));
        var document = JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json"))!;

        Assert.Equal(HttpStatusCode.OK, byName.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byNumber.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("$.kind", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var kind = document["components"]!["schemas"]!["ExportKind"]!;
        Assert.Equal(["Project", "Environment"], kind["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        using var users = await http.GetAsync("/api/admin/users");
        Assert.Contains("\"status\":\"Approved\"", await users.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bare_status_codes_on_the_api_carry_problem_details_with_a_reason()
    {
        using var anonymous = portal.Client();

        using var unauthorized = await anonymous.GetAsync("/api/exports");
        using var missing = await anonymous.GetAsync("/api/no-such-thing");

        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Contains("Sign in", JsonNode.Parse(await unauthorized.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }
}
