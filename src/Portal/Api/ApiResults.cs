using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Portal.Contracts.Shared;

namespace Portal.Api;

/// <summary>How the portal's API answers a save: 200 with the result, 404 for what the caller cannot see, 400 with the reasons.</summary>
public static class ApiResults
{
    public static Results<Ok<SaveResult>, NotFound<HttpValidationProblemDetails>, ValidationProblem> From(SaveResult result) =>
        result switch
        {
            { Succeeded: true } => TypedResults.Ok(result),
            { NotFound: true } => Missing(result),
            _ => Invalid(result),
        };

    /// <summary>As <see cref="From"/>, and 409 with the reason when the thing's state refuses the change.</summary>
    public static Results<Ok<SaveResult>, NotFound<HttpValidationProblemDetails>, ValidationProblem, Conflict<ProblemDetails>> OrConflict(
        SaveResult result) =>
        result switch
        {
            { Succeeded: true } => TypedResults.Ok(result),
            { NotFound: true } => Missing(result),
            { Conflict: true } => TypedResults.Conflict(new ProblemDetails
            {
                Title = "Conflict", Detail = result.ErrorFor(""), Status = StatusCodes.Status409Conflict,
            }),
            _ => Invalid(result),
        };

    private static NotFound<HttpValidationProblemDetails> Missing(SaveResult result) =>
        TypedResults.NotFound(new HttpValidationProblemDetails(result.Errors.ToDictionary())
        {
            Title = "Not found",
            Detail = result.ErrorFor(""),
            Status = StatusCodes.Status404NotFound,
        });

    private static ValidationProblem Invalid(SaveResult result) =>
        TypedResults.ValidationProblem(result.Errors.ToDictionary(), result.ErrorFor(""), title: "The request is invalid");
}
