using Microsoft.AspNetCore.Identity;

namespace Portal.Accounts;

/// <summary>The password rules in words, shown under the field before anyone fails them.</summary>
public static class PasswordRules
{
    /// <summary>The registration form's own minimum, on top of Identity's.</summary>
    public const int FormMinimumLength = 8;

    public static string Describe(PasswordOptions options)
    {
        var needs = new List<string>();
        if (options.RequireUppercase) needs.Add("an upper-case letter");
        if (options.RequireLowercase) needs.Add("a lower-case letter");
        if (options.RequireDigit) needs.Add("a digit");
        if (options.RequireNonAlphanumeric) needs.Add("a symbol such as ! or -");
        var length = $"At least {Math.Max(FormMinimumLength, options.RequiredLength)} characters";
        return needs.Count switch
        {
            0 => $"{length}.",
            1 => $"{length}, with {needs[0]}.",
            _ => $"{length}, with {string.Join(", ", needs[..^1])} and {needs[^1]}.",
        };
    }
}
