using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Portal.Accounts;
using Portal.Api;
using Portal.Client.Accounts;
using Portal.Contracts.Notifications;
using Portal.Contracts.Shared;

namespace Portal.Notifications;

/// <summary><c>/api/notifications</c>: the caller's subscriptions and deliveries; <c>/api/admin/notifications/smtp</c>: the SMTP server.</summary>
public static class NotificationsApi
{
    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/notifications").RequireAuthorization().WithTags("Notifications");
        api.MapGet("/", GetAsync).WithSummary("Your notification subscriptions and the latest messages sent for them");
        api.MapPost("/", SubscribeAsync).WithSummary("Subscribes you to an export's runs, your exports' runs, or (admins) every export's");
        api.MapDelete("/{id:int}", UnsubscribeAsync).WithSummary("Removes one of your subscriptions");
        var admin = app.MapGroup("/api/admin/notifications").RequireAuthorization(PortalPolicies.Admin).WithTags("Admin: notifications");
        admin.MapGet("/smtp", GetSmtpAsync).WithSummary("The SMTP server notices go through (never its password)");
        admin.MapPut("/smtp", SaveSmtpAsync).WithSummary("Changes the SMTP server; an empty password keeps the stored one");
        return app;
    }

    public static async Task<Ok<NotificationsOverview>> GetAsync(SubscriptionService service, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.GetAsync(PortalUser.From(user), cancellationToken));

    public static async Task<Results<Ok<SaveResult>, NotFound<HttpValidationProblemDetails>, ValidationProblem>> SubscribeAsync(
        SubscriptionForm form, SubscriptionService service, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        ApiResults.From(await service.SubscribeAsync(PortalUser.From(user), form, cancellationToken));

    public static async Task<Results<NoContent, NotFound>> UnsubscribeAsync(int id, SubscriptionService service, ClaimsPrincipal user,
        CancellationToken cancellationToken) =>
        await service.UnsubscribeAsync(PortalUser.From(user), id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    public static async Task<Ok<SmtpSettingsDto>> GetSmtpAsync(SmtpSettingsStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.GetAsync(cancellationToken));

    public static async Task<Results<Ok<SaveResult>, NotFound<HttpValidationProblemDetails>, ValidationProblem>> SaveSmtpAsync(
        SmtpSettingsForm form, SmtpSettingsStore store, CancellationToken cancellationToken) =>
        ApiResults.From(await store.SaveAsync(form, cancellationToken));
}
