using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Portal.Accounts.SingleSignOn;

namespace Portal.Tests.Unit.Accounts;

/// <summary>Reading what the provider said, and saying what went wrong, without a provider.</summary>
public sealed class ProviderAnswersTests
{
    [Fact]
    public void Claims_under_the_providers_names_give_subject_email_verification_and_groups()
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim("sub", "f:123"), new Claim("email", " ann@example.com "), new Claim("email_verified", "True"),
            new Claim("roles", "ignored"), new Claim("groups", "/portal-users"), new Claim("groups", "[\"a\",\"b\"]"),
        ], "oidc"));

        var account = ProviderAccount.From(principal, "groups")!;

        Assert.Equal(("f:123", "ann@example.com", true), (account.Subject, account.Email, account.EmailVerified));
        Assert.Equal(["/portal-users", "a", "b"], account.Groups.Order());
    }

    [Fact]
    public void No_email_verified_claim_means_not_verified_and_no_subject_means_no_account()
    {
        var unverified = ProviderAccount.From(new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "x"), new Claim("email", "x@example.com")])), "groups");
        var nobody = ProviderAccount.From(new ClaimsPrincipal(new ClaimsIdentity([new Claim("email", "x@example.com")])), "groups");

        Assert.False(unverified!.EmailVerified);
        Assert.Null(nobody);
    }

    [Theory]
    [InlineData(typeof(SecurityTokenInvalidAudienceException), "wrong audience")]
    [InlineData(typeof(SecurityTokenInvalidIssuerException), "another issuer")]
    [InlineData(typeof(SecurityTokenInvalidSignatureException), "signature")]
    [InlineData(typeof(HttpRequestException), "could not be reached")]
    public void A_failed_sign_in_is_explained_in_words(Type failure, string expected)
    {
        var exception = (Exception)Activator.CreateInstance(failure, "IDX")!;

        Assert.Contains(expected, OidcFailures.Describe(new AuthenticationFailureException("wrapped", exception)));
    }

    [Fact]
    public void A_provider_error_is_quoted_and_a_cancelled_sign_in_is_called_so()
    {
        var denied = new OpenIdConnectProtocolException("x") { Data = { ["error"] = "access_denied" } };
        var other = new OpenIdConnectProtocolException("x") { Data = { ["error"] = "invalid_scope", ["error_description"] = "no such scope" } };

        Assert.Contains("denied access", OidcFailures.Describe(denied));
        Assert.Contains("\"invalid_scope\": no such scope", OidcFailures.Describe(other));
        Assert.Contains("took too long", OidcFailures.Describe(new AuthenticationFailureException("Correlation failed.")));
    }

    [Theory]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("/exports/3", "/exports/3")]
    [InlineData("exports", "/exports")]
    [InlineData("//evil.example.com/x", "/")]
    [InlineData("/\\evil.example.com", "/")]
    [InlineData("https://evil.example.com/", "/")]
    [InlineData("http://portal.example.com:8080/admin/users?tab=1", "/admin/users?tab=1")]
    [InlineData("http://portal.example.com.evil.com:8080/admin/users", "/")]
    public void The_return_address_stays_on_the_portal(string? returnUrl, string expected)
    {
        var request = new Microsoft.AspNetCore.Http.DefaultHttpContext().Request;
        request.Scheme = "http";
        request.Host = new Microsoft.AspNetCore.Http.HostString("portal.example.com:8080");

        Assert.Equal(expected, SignInPage.LocalOrHome(returnUrl, request));
    }
}
