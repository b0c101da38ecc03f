using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Portal.Audit;
using Portal.Connections;
using Portal.Exports;
using Portal.Health;
using Portal.Profile;
using Portal.Runs;
using Portal.Templates;
using Portal.Contracts.Accounts;

namespace Portal.Data;

/// <summary>
/// The portal's one model. Each database provider has a thin derived context
/// (see <c>Data/Providers</c>) that owns its migrations; see docs/decisions/001.
/// </summary>
public abstract class PortalDbContext(DbContextOptions options)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<DominoDeployment> DominoDeployments => Set<DominoDeployment>();
    public DbSet<S3Destination> S3Destinations => Set<S3Destination>();
    public DbSet<RegistryDestination> RegistryDestinations => Set<RegistryDestination>();
    public DbSet<DockerfileTemplate> DockerfileTemplates => Set<DockerfileTemplate>();
    public DbSet<DominoApiKey> DominoApiKeys => Set<DominoApiKey>();
    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();
    public DbSet<Export> Exports => Set<Export>();
    public DbSet<Run> Runs => Set<Run>();
    public DbSet<RunStage> RunStages => Set<RunStage>();
    public DbSet<RunFile> RunFiles => Set<RunFile>();
    public DbSet<RunImage> RunImages => Set<RunImage>();
    public DbSet<RunLayer> RunLayers => Set<RunLayer>();
    public DbSet<RunDailyStat> RunDailyStats => Set<RunDailyStat>();
    public DbSet<ComponentCheck> ComponentChecks => Set<ComponentCheck>();
    public DbSet<PortalSetting> PortalSettings => Set<PortalSetting>();
    public DbSet<NodeProbe> NodeProbes => Set<NodeProbe>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
        builder.Entity<IdentityRole>().HasData(
            SeedRole("6a1f0b0e-6f3c-4a55-9d0c-3b6f4f0a0001", PortalRoles.Admin),
            SeedRole("6a1f0b0e-6f3c-4a55-9d0c-3b6f4f0a0002", PortalRoles.User));
    }

    // Fixed ids and stamps: the roles exist as soon as the migrations ran, on every node, with no start-up seeding race.
    private static IdentityRole SeedRole(string id, string name) => new(name)
    {
        Id = id,
        NormalizedName = name.ToUpperInvariant(),
        ConcurrencyStamp = id,
    };
}
