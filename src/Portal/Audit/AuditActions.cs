namespace Portal.Audit;

/// <summary>The actions the log records, by name: "object.verb", so a filter on "export." finds every export action.</summary>
public static class AuditActions
{
    public const string AccountRegister = "account.register";
    public const string AccountApprove = "account.approve";
    public const string AccountReject = "account.reject";
    public const string AccountDisable = "account.disable";
    public const string AccountEnable = "account.enable";
    public const string AccountGrantAdmin = "account.grant-admin";
    public const string AccountRevokeAdmin = "account.revoke-admin";
    public const string SignInFailed = "sign-in.failed";
    public const string SignInLockedOut = "sign-in.locked-out";

    public const string ConnectionCreate = "connection.create";
    public const string ConnectionUpdate = "connection.update";
    public const string ConnectionDelete = "connection.delete";
    public const string TemplateCreate = "template.create";
    public const string TemplateUpdate = "template.update";
    public const string TemplateDelete = "template.delete";
    public const string V1SettingsUpdate = "v1-settings.update";

    public const string ExportCreate = "export.create";
    public const string ExportUpdate = "export.update";
    public const string ExportEnable = "export.enable";
    public const string ExportDisable = "export.disable";
    public const string ExportArchive = "export.archive";
    public const string ExportRestore = "export.restore";
    public const string ExportRunNow = "export.run-now";
    public const string ExportRunAnyway = "export.run-anyway";
    public const string ExportVerify = "export.verify";
    public const string ExportDryRun = "export.dry-run";
    public const string ExportResume = "export.resume";
    public const string RunCancel = "export.cancel-run";

    public const string TokenCreate = "token.create";
    public const string TokenRevoke = "token.revoke";

    // Hook for notification subscriptions (branch notify): record with these where a subscription is saved or deleted.
    public const string SubscriptionCreate = "subscription.create";
    public const string SubscriptionUpdate = "subscription.update";
    public const string SubscriptionDelete = "subscription.delete";
}
