using System.ComponentModel.DataAnnotations;
using Portal.Contracts.Exports;

namespace Portal.Tests.Unit.Contracts;

public sealed class FilePatternsTests
{
    private static List<ValidationResult> Check(ExportForm form)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(form, new ValidationContext(form), results, validateAllProperties: true);
        return results;
    }

    [Fact]
    public void A_forms_patterns_and_size_are_checked_with_the_filters_rules_and_named_by_field()
    {
        var results = Check(new ExportForm { GroupName = "g", ProjectName = "p", IncludePatterns = ["src/../x"], ExcludePatterns = ["a\\b"], MaxFileSize = -1 });

        Assert.Equal(["ExcludePatterns", "IncludePatterns", "MaxFileSize"], results.SelectMany(r => r.MemberNames).Order());
        Assert.Contains(results, r => r.ErrorMessage == "Include patterns: 'src/../x': '.' and '..' are not allowed in a pattern.");
        Assert.Contains(results, r => r.ErrorMessage == "The maximum file size must be a positive number of bytes.");
    }

    [Fact]
    public void Counts_and_lengths_are_bounded_by_what_the_database_stores()
    {
        Assert.Equal(["Use at most 100 patterns."], FilePatterns.ListProblems(Enumerable.Range(0, 101).Select(i => $"p{i}").ToList()));
        Assert.Equal(["The patterns may have at most 4000 characters in all."],
            FilePatterns.ListProblems(Enumerable.Range(0, 10).Select(i => new string('x', 450)).ToList()));
        Assert.Empty(Check(new ExportForm { GroupName = "g", ProjectName = "p", IncludePatterns = ["*.py", "data/**"], ExcludePatterns = ["*.tmp"], MaxFileSize = 1 }));
    }
}
