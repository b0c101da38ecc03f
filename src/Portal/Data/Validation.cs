using System.ComponentModel.DataAnnotations;
using Portal.Contracts.Shared;

namespace Portal.Data;

/// <summary>Field errors as the API's validation problems carry them ("" for the form as a whole).</summary>
public sealed class Validation : Dictionary<string, string[]>
{
    /// <summary>The form's data annotations, checked on the server too: a browser's checks can be skipped.</summary>
    public static Validation Of(object form)
    {
        var errors = new Validation();
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(form, new ValidationContext(form), results, validateAllProperties: true);
        foreach (var result in results)
            foreach (var member in result.MemberNames.DefaultIfEmpty(""))
                errors.Add(member, result.ErrorMessage ?? "Invalid value.");
        return errors;
    }

    public void Add(string field, string error) =>
        this[field] = TryGetValue(field, out var existing) ? [.. existing, error] : [error];

    public SaveResult Result() => SaveResult.Invalid(this);
}
