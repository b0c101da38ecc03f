using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Portal.Security;

namespace Portal.Tests.Unit.Security;

public sealed class SecretProtectorTests
{
    [Fact]
    public async Task A_secret_protected_on_one_node_is_read_on_another_that_shares_the_database()
    {
        await using var first = await PortalServices.StartAsync();
        var database = Path.Combine(first.Folder, "portal.db");
        await using var second = await PortalServices.StartAsync(databaseFile: database);

        var ciphertext = first.Services.GetRequiredService<ISecretProtector>().Protect("s3-secret-key");

        Assert.DoesNotContain("s3-secret-key", ciphertext);
        Assert.Equal("s3-secret-key", second.Services.GetRequiredService<ISecretProtector>().Unprotect(ciphertext));
    }

    [Fact]
    public async Task A_secret_protected_for_one_purpose_cannot_be_read_for_another()
    {
        await using var portal = await PortalServices.StartAsync();
        var protector = portal.Services.GetRequiredService<ISecretProtector>();

        var ciphertext = protector.ForPurpose("S3Target").Protect("s3-secret-key");

        Assert.Equal("s3-secret-key", protector.ForPurpose("S3Target").Unprotect(ciphertext));
        Assert.ThrowsAny<CryptographicException>(() => protector.ForPurpose("Registry").Unprotect(ciphertext));
    }
}
