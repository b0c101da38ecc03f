using Microsoft.AspNetCore.DataProtection;
using Portal.Data;
using Portal.Jobs;

namespace Portal.Security;

/// <summary>Data Protection with its key ring in the portal's database (shared by every node), and the secret protector built on it.</summary>
public static class SecuritySetup
{
    public const string ApplicationName = "domino-export-portal";

    public static IServiceCollection AddSecurity(this IServiceCollection services)
    {
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<PortalDbContext>();
        services.AddSingleton<ISecretProtector>(sp => new SecretProtector(sp.GetRequiredService<IDataProtectionProvider>()));
        return services;
    }

    /// <summary>
    /// Loads the Data Protection key ring, creating the first key if the database has none, while holding a
    /// lock every node honours: nodes starting together on an empty database then share one key instead of
    /// each making its own and caching a ring without the others' keys.
    /// </summary>
    public static void PrepareKeyRing(this IServiceProvider services)
    {
        using var held = DistributedLocks.Acquire(services.GetRequiredService<Hangfire.JobStorage>(), "portal:data-protection-keys");
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Portal.Nodes.KeyRing").Protect([0]);
    }
}
