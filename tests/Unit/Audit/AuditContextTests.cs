using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Portal.Api;
using Portal.Audit;
using Portal.Contracts.Audit;

namespace Portal.Tests.Unit.Audit;

/// <summary>Who, through which interface and from where: read once from the request, never by the services.</summary>
public sealed class AuditContextTests
{
    private static HttpContext Request(string path, string? scheme, bool pageHeader = false, string address = "::ffff:10.1.2.3")
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        if (pageHeader) context.Request.Headers[AuditInterfaces.PageHeader] = "1";
        if (scheme is not null)
        {
            var identity = new ClaimsIdentity(scheme, ClaimTypes.Name, ClaimTypes.Role);
            identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, "user-1"));
            identity.AddClaim(new Claim(ClaimTypes.Email, "alice@example.com"));
            if (scheme == BearerTokenHandler.SchemeName) identity.AddClaim(new Claim(AuditContext.TokenNameClaim, "nightly"));
            context.User = new ClaimsPrincipal(identity);
        }
        return context;
    }

    [Fact]
    public void A_token_call_to_the_api_names_the_account_and_the_token()
    {
        var caller = AuditContext.FromRequest(Request("/api/exports/3/run", BearerTokenHandler.SchemeName, pageHeader: true));

        Assert.Equal(new AuditCaller("user-1", "alice@example.com", "nightly", AuditInterfaces.Api, "10.1.2.3"), caller);
    }

    [Fact]
    public void A_cookie_call_to_the_api_is_the_page_only_with_the_pages_header()
    {
        Assert.Equal(AuditInterfaces.Page, AuditContext.FromRequest(Request("/api/exports/3/run", "Identity.Application", pageHeader: true)).Interface);
        Assert.Equal(AuditInterfaces.Api, AuditContext.FromRequest(Request("/api/exports/3/run", "Identity.Application")).Interface);
    }

    [Fact]
    public void V1_and_the_account_pages_are_told_by_their_path()
    {
        var v1 = AuditContext.FromRequest(Request("/v1/projects/create", null, address: "2001:db8::7"));
        var login = AuditContext.FromRequest(Request("/Account/Login", null));

        Assert.Equal((AuditInterfaces.V1, "2001:db8::7", true), (v1.Interface, v1.Address, v1.IsAnonymous));
        Assert.Equal((AuditInterfaces.Page, "anonymous"), (login.Interface, login.Name));
    }

    [Fact]
    public void Without_a_request_it_is_the_system_and_a_page_or_v1_caller_says_who_it_is()
    {
        var context = new AuditContext(new HttpContextAccessor());
        Assert.Equal(AuditInterfaces.System, context.Caller.Interface);

        context.UsePage(new Portal.Accounts.PortalUser("admin-1", "admin@example.com", true), "10.0.0.9");
        Assert.Equal(new AuditCaller("admin-1", "admin@example.com", null, AuditInterfaces.Page, "10.0.0.9"), context.Caller);

        context.Identify("owner-1", "owner@example.com (Domino user bob)");
        Assert.Equal(("owner-1", "owner@example.com (Domino user bob)", AuditInterfaces.Page), (context.Caller.AccountId, context.Caller.Name, context.Caller.Interface));
    }
}
