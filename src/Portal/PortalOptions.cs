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

    /// <summary>
    /// How pages become interactive. <see cref="PortalInteractivity.Auto"/> (default): on the server at first, then in the
    /// browser once it has the WebAssembly runtime. <see cref="PortalInteractivity.Server"/>: always on the server; browsers
    /// download no runtime and the content security policy drops 'wasm-unsafe-eval' (for thin clients and strict policies).
    /// </summary>
    public PortalInteractivity Interactivity { get; set; } = PortalInteractivity.Auto;

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

/// <summary>Where interactive pages run (<c>Portal:Interactivity</c>).</summary>
public enum PortalInteractivity
{
    /// <summary>On the server until the browser has the WebAssembly runtime, then in the browser.</summary>
    Auto,

    /// <summary>Always on the server, over the page's circuit.</summary>
    Server,
}
