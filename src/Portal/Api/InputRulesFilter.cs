using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Portal.Contracts.Shared;
using Portal.Data;

namespace Portal.Api;

/// <summary>
/// Checks every <c>/api</c> body against its form's data annotations (lengths as in the EF model, the characters
/// and shapes of <see cref="Portal.Contracts.Shared.InputRules"/>) before the endpoint runs: a 400 with the reasons
/// per field, and nothing reaches a service, Domino or the database.
/// </summary>
public static class InputRulesFilter
{
    private const int MaxParameterLength = 1000;

    public static TBuilder WithInputRules<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory(Create);

    private static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var parameters = context.MethodInfo.GetParameters().Select((parameter, index) => (parameter, index)).ToArray();
        var checkedArguments = parameters.Where(p => HasRules(p.parameter.ParameterType)).Select(p => p.index).ToArray();
        var texts = parameters.Where(p => p.parameter.ParameterType == typeof(string)).Select(p => (p.index, p.parameter.Name!)).ToArray();
        if (checkedArguments.Length == 0 && texts.Length == 0) return next;
        return async invocation =>
        {
            // /v1 endpoints (mapped in the same group) read and check their own bodies and answer in the original's format.
            if (!ApiErrors.IsApi(invocation.HttpContext.Request)) return await next(invocation);
            // Route and query values (an owner id, a connection kind): one line of visible text, of a sane length.
            foreach (var (index, name) in texts)
            {
                if (invocation.Arguments[index] is string text && (text.Length > MaxParameterLength || InputRules.HasForbidden(text)))
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                    {
                        [name] = [$"Use at most {MaxParameterLength} visible characters: no control characters or invisible marks."],
                    }, $"The value of '{name}' is invalid.", title: "The request is invalid");
            }
            foreach (var index in checkedArguments)
            {
                if (invocation.Arguments[index] is not { } argument) continue;
                var errors = Validation.Of(argument);
                if (errors.Count > 0)
                    return TypedResults.ValidationProblem(errors, "The request has invalid fields; see errors.", title: "The request is invalid");
            }
            return await next(invocation);
        };
    }

    /// <summary>Forms and request records whose properties (or record parameters) carry validation attributes.</summary>
    private static bool HasRules(Type type) =>
        type.IsClass && type != typeof(string)
        && type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Any(p => p.GetCustomAttributes<ValidationAttribute>(true).Any());
}
