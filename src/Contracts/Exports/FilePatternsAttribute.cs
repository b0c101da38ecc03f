using System.ComponentModel.DataAnnotations;

namespace Portal.Contracts.Exports;

/// <summary>A list of file patterns an export's filter can use (<see cref="FilePatterns"/>); null counts as none.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class FilePatternsAttribute() : ValidationAttribute("{0}: use glob patterns such as *.tmp or data/raw/**.")
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not IEnumerable<string?> patterns) return ValidationResult.Success;
        var problems = FilePatterns.ListProblems(patterns.Select(p => p ?? "").ToList());
        return problems.Count == 0
            ? ValidationResult.Success
            : new ValidationResult($"{validationContext.DisplayName}: {string.Join(" ", problems)}", validationContext.MemberName is { } member ? [member] : null);
    }
}
