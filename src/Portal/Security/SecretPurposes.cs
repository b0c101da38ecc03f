namespace Portal.Security;

/// <summary>One purpose per kind of secret: a ciphertext of one kind cannot be read as another.</summary>
public static class SecretPurposes
{
    public const string DominoApiKey = "DominoApiKey";
    public const string DominoRegistryPassword = "DominoRegistryPassword";
    public const string S3SecretAccessKey = "S3SecretAccessKey";
    public const string RegistryPassword = "RegistryPassword";
    public const string ProviderTokens = "ProviderTokens";
    public const string SmtpPassword = "SmtpPassword";
    public const string WebhookSecret = "WebhookSecret";
}
