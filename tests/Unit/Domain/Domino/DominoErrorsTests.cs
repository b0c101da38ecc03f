using System.Net;
using Portal.Contracts.Runs;
using Portal.Domain.Domino;

namespace Portal.Tests.Unit.Domain.Domino;

/// <summary>How Domino's refusals read on a run (issue 13: a failed listing at a commit is not a missing project).</summary>
public sealed class DominoErrorsTests
{
    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, "Error cloning git repository: Invalid remote: origin")]
    [InlineData(HttpStatusCode.NotFound, "")]
    public void A_file_listing_refused_at_a_commit_names_the_commit_not_a_missing_project(HttpStatusCode status, string body)
    {
        var error = DominoErrors.ToException(DominoEndpoint.Files, status, body, "the files at commit abc123");

        Assert.Equal(StatusCode.DominoAPIError, error.Code);
        Assert.StartsWith("Domino could not list the files at commit abc123", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_listing_of_a_project_domino_does_not_know_is_still_a_missing_project()
    {
        var error = DominoErrors.ToException(DominoEndpoint.Files, HttpStatusCode.InternalServerError,
            "java.util.NoSuchElementException: key not found: 5f00", "the files at commit abc123");

        Assert.Equal(StatusCode.APIProjectNotFound, error.Code);
        Assert.Equal(StatusCode.APIProjectNotFound.Describe(), error.Message);
    }
}
