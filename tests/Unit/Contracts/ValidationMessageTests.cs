using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.RegularExpressions;
using Portal.Contracts.Exports;

namespace Portal.Tests.Unit.Contracts;

/// <summary>
/// Every message a form or an /api body can show is written for people: it never falls back to the framework's
/// "The ApiUrl field is required." and never shows a property's code name (ApiUrl, ServiceAccountId), only the field's
/// label (its [Display] name).
/// </summary>
public sealed partial class ValidationMessageTests
{
    public static TheoryData<string, string> Messages()
    {
        var data = new TheoryData<string, string>();
        foreach (var type in typeof(ExportForm).Assembly.GetExportedTypes())
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                var label = property.GetCustomAttribute<DisplayAttribute>()?.GetName() ?? property.Name;
                foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>())
                    data.Add($"{type.Name}.{property.Name} [{attribute.GetType().Name.Replace("Attribute", "", StringComparison.Ordinal)}]",
                        attribute.FormatErrorMessage(label));
            }
        return data;
    }

    [Fact]
    public void The_contracts_have_validated_fields_to_check() => Assert.True(Messages().Count > 40);

    [Theory]
    [MemberData(nameof(Messages))]
    public void A_message_names_its_field_in_words_not_in_code(string field, string message)
    {
        Assert.DoesNotMatch(FrameworkDefault(), message);
        var codeName = CodeName().Match(message);
        Assert.False(codeName.Success, $"{field}: \"{message}\" shows the code name '{codeName.Value}'");
    }

    /// <summary>DataAnnotations' own wording ("The X field is required.", "The field X must be a string with a maximum length of 100.").</summary>
    [GeneratedRegex(@"^The (field \S+|\S+ field) |must be a string with|is not a valid e-mail|field is required")]
    private static partial Regex FrameworkDefault();

    /// <summary>A PascalCase word of two humps or more, as a property is named in code (ApiUrl, ServiceAccountId).</summary>
    [GeneratedRegex(@"\b[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+\b")]
    private static partial Regex CodeName();
}
