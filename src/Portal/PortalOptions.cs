namespace Portal;

/// <summary>The <c>Portal</c> section.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>Whoever registers with this email becomes an approved Admin. Empty: the first account ever created does.</summary>
    public string? AdminEmail { get; set; }

    /// <summary>Folder for the SQLite file and other local state; relative paths are under the content root.</summary>
    public string DataPath { get; set; } = "App_Data";

    /// <summary>The portal's public address, used for links in emails. Optional.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>Where compose/Kubernetes secrets are mounted, one file per configuration key (<c>ConnectionStrings__Portal</c>).</summary>
    public string SecretsPath { get; set; } = "/run/secrets";

    public static string ResolveDataPath(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration[$"{Section}:{nameof(DataPath)}"];
        var path = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? "App_Data" : configured, contentRoot);
        Directory.CreateDirectory(path);
        return path;
    }
}
