using System.Net;
using Portal.Tests.Integration.Support;

namespace Portal.Tests.Integration.Accounts;

/// <summary>
/// The sign-in form is made for, and checked against, an anonymous visitor: a session that ends or starts between showing
/// the form and sending it cannot turn the sign-in into a 400, and opening the page ends no session.
/// </summary>
[Collection(PortalHostCollection.Name)]
public sealed class LoginSessionTests(AdminFixture portal) : IClassFixture<AdminFixture>
{
    [Fact]
    public async Task A_form_shown_while_a_session_was_open_still_signs_in_after_that_session_ended()
    {
        await portal.UserAsync("omar@example.com");
        var (http, cookies, _) = await portal.PostLoginAsync("omar@example.com", PortalHost.Password);
        var token = await PortalHost.LoginFormTokenAsync(http);

        // The session ends (in the portal: its stamp check after a rejection or a disable) before the form is sent.
        foreach (var cookie in cookies.GetAllCookies().Where(IsSession)) cookie.Expired = true;
        using var sent = await PortalHost.PostLoginFormAsync(http, token, "omar@example.com", PortalHost.Password);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains(cookies.GetAllCookies(), c => IsSession(c) && !c.Expired);
    }

    [Fact]
    public async Task A_form_shown_to_an_anonymous_visitor_still_signs_in_when_a_session_started_meanwhile()
    {
        await portal.UserAsync("lena@example.com");
        var cookies = new CookieContainer();
        using var http = portal.BrowserClient(cookies);
        var token = await PortalHost.LoginFormTokenAsync(http);

        // Meanwhile the same browser signed in from another tab.
        var (_, other, _) = await portal.PostLoginAsync("lena@example.com", PortalHost.Password);
        foreach (var cookie in other.GetAllCookies().Where(IsSession)) cookies.Add(cookie);
        using var sent = await PortalHost.PostLoginFormAsync(http, token, "lena@example.com", PortalHost.Password);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
    }

    [Fact]
    public async Task Opening_the_sign_in_page_while_signed_in_ends_no_session()
    {
        await portal.UserAsync("ines@example.com");
        var (http, _, _) = await portal.PostLoginAsync("ines@example.com", PortalHost.Password);

        using var page = await http.GetAsync("/Account/Login?ReturnUrl=%2Fexports");
        using var me = await http.GetAsync("/api/account/me");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    private static bool IsSession(Cookie cookie) => cookie.Name == ".AspNetCore.Identity.Application";
}
