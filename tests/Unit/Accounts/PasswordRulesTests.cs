using Microsoft.AspNetCore.Identity;
using Portal.Accounts;

namespace Portal.Tests.Unit.Accounts;

public sealed class PasswordRulesTests
{
    [Fact]
    public void Identity_defaults_read_as_one_sentence_with_the_forms_minimum()
    {
        Assert.Equal("At least 8 characters, with an upper-case letter, a lower-case letter, a digit and a symbol such as ! or -.",
            PasswordRules.Describe(new PasswordOptions()));
    }

    [Fact]
    public void A_longer_identity_minimum_and_fewer_rules_are_said_as_configured()
    {
        Assert.Equal("At least 12 characters, with a digit.", PasswordRules.Describe(new PasswordOptions
        {
            RequiredLength = 12, RequireUppercase = false, RequireLowercase = false, RequireNonAlphanumeric = false,
        }));
        Assert.Equal("At least 8 characters.", PasswordRules.Describe(new PasswordOptions
        {
            RequireDigit = false, RequireUppercase = false, RequireLowercase = false, RequireNonAlphanumeric = false,
        }));
    }
}
