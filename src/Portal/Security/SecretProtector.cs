using Microsoft.AspNetCore.DataProtection;

namespace Portal.Security;

internal sealed class SecretProtector(IDataProtector protector) : ISecretProtector
{
    public const string RootPurpose = "Portal.Secrets.v1";

    public SecretProtector(IDataProtectionProvider provider) : this(provider.CreateProtector(RootPurpose))
    {
    }

    public string Protect(string plaintext) => protector.Protect(plaintext);

    public string Unprotect(string protectedText) => protector.Unprotect(protectedText);

    public ISecretProtector ForPurpose(string purpose) => new SecretProtector(protector.CreateProtector(purpose));
}
