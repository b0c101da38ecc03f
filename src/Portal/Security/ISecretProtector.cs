namespace Portal.Security;

/// <summary>
/// Encrypts credentials for storage in the database. Keys live in the database too
/// (ASP.NET Data Protection), so any node can read what another node protected.
/// </summary>
public interface ISecretProtector
{
    string Protect(string plaintext);

    /// <exception cref="System.Security.Cryptography.CryptographicException">The text was not protected for this purpose, or was tampered with.</exception>
    string Unprotect(string protectedText);

    /// <summary>A protector whose ciphertexts only it can read, e.g. <c>ForPurpose("S3Target")</c>.</summary>
    ISecretProtector ForPurpose(string purpose);
}
