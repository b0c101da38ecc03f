using Portal.Audit;

namespace Portal.Accounts.SingleSignOn;

/// <summary>Sign-ins through the provider that did not let anyone in, in the audit log beside failed password sign-ins.</summary>
internal static class ProviderAudit
{
    /// <param name="who">The provider account (email or subject) when the provider named one; null when its answer was refused first.</param>
    public static Task FailedAsync(HttpContext context, string provider, string? who, string reason) =>
        context.RequestServices.GetRequiredService<AuditLog>().RecordAsync(AuditActions.SignInFailed,
            new AuditObject("account", null, who ?? $"{provider} account"), $"sign-in with {provider}: {reason}",
            actor: (null, who ?? $"unknown {provider} account"), cancellationToken: context.RequestAborted);
}
