using System.Net;
using System.Text.RegularExpressions;
using Portal.Tests.Integration.Support;

namespace Portal.Tests.Integration.Accounts;

/// <summary>The sign-in form is always made for an anonymous visitor, so a session that ends meanwhile cannot spoil it.</summary>
[Collection(PortalHostCollection.Name)]
public sealed partial class LoginSessionTests(AdminFixture portal) : IClassFixture<AdminFixture>
{
    [Fact]
    public async Task A_signed_in_visitor_of_the_sign_in_page_is_signed_out_and_sent_back_to_the_same_address()
    {
        await portal.UserAsync("lena@example.com");
        var (http, cookies, _) = await portal.PostLoginAsync("lena@example.com", PortalHost.Password);
        Assert.Contains(cookies.GetAllCookies(), IsSession);

        using var answer = await http.GetAsync("/Account/Login?ReturnUrl=%2Fexports");

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal("/Account/Login?ReturnUrl=%2Fexports", answer.Headers.Location!.OriginalString.Replace(portal.BaseAddress.ToString().TrimEnd('/'), "", StringComparison.Ordinal));
        Assert.DoesNotContain(cookies.GetAllCookies(), c => IsSession(c) && !c.Expired);
    }

    [Fact]
    public async Task A_form_shown_while_a_session_was_open_still_signs_in_after_that_session_ended()
    {
        await portal.UserAsync("omar@example.com");
        var (http, cookies, _) = await portal.PostLoginAsync("omar@example.com", PortalHost.Password);

        // The page as a browser gets it with the session still open: it follows the redirect to the form.
        var address = "/Account/Login";
        string page;
        while (true)
        {
            using var answer = await http.GetAsync(address);
            if (answer.StatusCode != HttpStatusCode.Redirect) { page = await answer.Content.ReadAsStringAsync(); break; }
            address = answer.Headers.Location!.ToString();
        }
        // The session ends (in the portal: its stamp check after a rejection or a disable), before the form is sent.
        foreach (var cookie in cookies.GetAllCookies().Where(IsSession)) cookie.Expired = true;
        using var sent = await http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = Token().Match(page).Groups[1].Value,
            ["Input.Email"] = "omar@example.com",
            ["Input.Password"] = PortalHost.Password,
        }));

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains(cookies.GetAllCookies(), c => IsSession(c) && !c.Expired);
    }

    private static bool IsSession(Cookie cookie) => cookie.Name == ".AspNetCore.Identity.Application";

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
