using System.Net;
using System.Text;
using Portal.Domain.Images;
using Portal.Domain.Images.Registry;
using Portal.Contracts.Runs;
using Portal.Domain.Runs;

namespace Portal.Tests.Unit.Domain.Images.Registry;

public sealed class RegistryFailuresTests
{
    private static readonly RegistrySide Source = new("registry.domino.example.com", RegistryRole.Source);
    private static readonly RegistrySide Target = new("registry.example.com", RegistryRole.Target);

    private static RegistryFailures Failures()
    {
        ImageReference.TryParse("registry.domino.example.com/domino/env:rev1", out var source, out _);
        ImageTargets.TryCreate("registry.example.com", "team", "app", "env1", 3, out var targets, out _);
        return new RegistryFailures(source!, targets!, new RegistryLogin("registry.domino.example.com", "domino", "secret-1"),
            new RegistryLogin("registry.example.com", "exporter", "secret-2"));
    }

    private static async Task<RegistryException> AnswerAsync(HttpStatusCode status, string? body, RegistrySide side, string operation)
    {
        using var response = new HttpResponseMessage(status);
        if (body is not null) response.Content = new StringContent(body, Encoding.UTF8, "application/json");
        return await RegistryException.FromResponseAsync(response, side, operation, hadCredentials: true, default);
    }

    [Theory]
    [InlineData(404, """{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown"}]}""", RegistryFailure.NotFound)]
    [InlineData(404, null, RegistryFailure.NotFound)]
    [InlineData(401, """{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}""", RegistryFailure.AccessDenied)]
    [InlineData(403, """{"errors":[{"code":"DENIED","message":"requested access to the resource is denied"}]}""", RegistryFailure.AccessDenied)]
    [InlineData(400, """{"errors":[{"code":"NAME_INVALID","message":"invalid repository name"}]}""", RegistryFailure.NameInvalid)]
    [InlineData(405, """{"errors":[{"code":"UNSUPPORTED","message":"The operation is unsupported."}]}""", RegistryFailure.Unsupported)]
    [InlineData(429, """{"errors":[{"code":"TOOMANYREQUESTS","message":"slow down"}]}""", RegistryFailure.Unavailable)]
    [InlineData(503, "<html>busy</html>", RegistryFailure.Unavailable)]
    [InlineData(400, """{"errors":[{"code":"DIGEST_INVALID","message":"provided digest did not match uploaded content"}]}""", RegistryFailure.Refused)]
    public async Task Reads_what_kind_of_failure_an_answer_is(int status, string? body, RegistryFailure failure)
    {
        var e = await AnswerAsync((HttpStatusCode)status, body, Target, "pushing");

        Assert.Equal(failure, e.Failure);
        Assert.Equal(failure == RegistryFailure.Unavailable, e.IsRetryable);
    }

    [Fact]
    public async Task Maps_each_failure_to_the_originals_status_code_and_a_message_that_names_the_registry()
    {
        var failures = Failures();
        var missing = failures.ToExportException(await AnswerAsync(HttpStatusCode.NotFound,
            """{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown"}]}""", Source, "reading the manifest domino/env:rev1"));
        var login = failures.ToExportException(new RegistryException(RegistryFailure.LoginRefused, Target, "logging in", "HTTP 401"));
        var name = failures.ToExportException(await AnswerAsync(HttpStatusCode.BadRequest,
            """{"errors":[{"code":"NAME_INVALID","message":"invalid repository name"}]}""", Target, "starting an upload to team/app"));
        var denied = failures.ToExportException(await AnswerAsync(HttpStatusCode.Forbidden,
            """{"errors":[{"code":"DENIED","message":"denied"}]}""", Target, "starting an upload to team/app"));
        var corrupt = failures.ToExportException(new RegistryException(RegistryFailure.Corrupt, Source, "reading blob sha256:ab", "its bytes hash to sha256:cd"));
        var down = failures.ToExportException(new RegistryException(RegistryFailure.Unavailable, Target, "checking for blob sha256:ab", "Connection refused"));

        Assert.Equal((StatusCode.DockerImageNotFound, "The image registry.domino.example.com/domino/env:rev1 was not found in the Domino registry: HTTP 404 MANIFEST_UNKNOWN: manifest unknown"),
            (missing.Code, missing.Message));
        Assert.Equal((StatusCode.DockerAuthenticationError, "The target registry registry.example.com refused the credentials of user 'exporter': HTTP 401"),
            (login.Code, login.Message));
        Assert.Equal(StatusCode.DockerInvalidRepository, name.Code);
        Assert.Equal("The target registry registry.example.com refused the repository name team/app: HTTP 400 NAME_INVALID: invalid repository name", name.Message);
        Assert.Equal(StatusCode.DockerPushError, denied.Code);
        Assert.StartsWith("The target registry refused the push of registry.example.com/team/app:env1-v3 (starting an upload to team/app): HTTP 403", denied.Message, StringComparison.Ordinal);
        Assert.Equal(StatusCode.DockerAPIError, corrupt.Code);
        Assert.EndsWith("Nothing was tagged.", corrupt.Message, StringComparison.Ordinal);
        Assert.Equal((StatusCode.DockerAPIError, "The target registry registry.example.com failed while checking for blob sha256:ab: Connection refused"),
            (down.Code, down.Message));
        Assert.Contains("registry error DENIED: denied", denied.Details, StringComparison.Ordinal);
        foreach (var e in new[] { missing, login, name, denied, corrupt, down })
            Assert.DoesNotContain("secret-", e.Message + e.Details, StringComparison.Ordinal);
    }
}
