namespace Portal.Hosting;

public static class QuickStart
{
    /// <summary>ASP.NET Core's switch for reloading static assets from a build's manifest (on by default for a build).</summary>
    public const string ReloadStaticAssetsKey = "ReloadStaticAssetsAtRuntime";

    /// <summary>
    /// Serves the static web assets of referenced packages (MudBlazor, _framework) from a build in every environment,
    /// not only in Development, so <c>dotnet run</c> can run as Production: compressed, fingerprinted, cacheable files.
    /// A published app has no runtime manifest, and this does nothing there.
    /// </summary>
    public static WebApplicationBuilder AddQuickStart(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment())
        {
            builder.WebHost.UseStaticWebAssets();
            // A build's manifest would otherwise turn on runtime reloading, which answers every file "no-cache".
            // Fingerprinted files then keep the manifest's "max-age=31536000, immutable".
            builder.Configuration[ReloadStaticAssetsKey] ??= "false";
        }
        builder.Services.AddHostedService<StartupBanner>();
        builder.Services.AddResponseCompression(o => o.EnableForHttps = true);
        return builder;
    }

    /// <summary>
    /// Packages' fingerprinted files (MudBlazor's CSS and script) come without a precompressed variant; they are compressed
    /// on the fly, once per browser since they are immutable. Only framework and package files: never a page that
    /// could mix a secret with what the caller sent (BREACH).
    /// </summary>
    public static WebApplication UsePackageCompression(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/_content") || context.Request.Path.StartsWithSegments("/_framework"),
            files => files.UseResponseCompression());
        return app;
    }
}
