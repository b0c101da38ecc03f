using Microsoft.AspNetCore.Http.HttpResults;
using Portal.Contracts.Shared;

namespace Portal.Api;

/// <summary>How the portal's API answers a save: 200 with the result, 404 for what the caller cannot see, 400 with the reasons.</summary>
public static class ApiResults
{
    public static Results<Ok<SaveResult>, NotFound<HttpValidationProblemDetails>, ValidationProblem> From(SaveResult result) =>
        result switch
        {
            { Succeeded: true } => TypedResults.Ok(result),
            { NotFound: true } => TypedResults.NotFound(new HttpValidationProblemDetails(result.Errors.ToDictionary())
            {
                Title = "Not found",
                Detail = result.ErrorFor(""),
                Status = StatusCodes.Status404NotFound,
            }),
            _ => TypedResults.ValidationProblem(result.Errors.ToDictionary(), result.ErrorFor(""), title: "The request is invalid"),
        };
}
