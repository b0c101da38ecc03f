using Portal.Bench;
using Portal.Bench.Dashboard;
using Portal.Bench.Images;

// Benchmarks that print numbers; see bench/README.md.
return args.FirstOrDefault() switch
{
    "files" => await FileBench.RunAsync(args[1..]),
    "export" => await EngineExport.RunAsync(args[1..]),
    "images" => await ImageBench.RunAsync(args[1..]),
    "images-engine" => await ImageEngineCopy.RunAsync(args[1..]),
    "dashboard" => await DashboardBench.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("usage: dotnet run --project bench/Bench -c Release -- <benchmark> [options]");
    Console.WriteLine("  files [small] [large] [memory]   the file export engine against rclone copy (time ratios, peak memory)");
    Console.WriteLine("  images [three] [forty] [huge] [runs=N]   the image export's registry copy against skopeo copy (time ratios, peak memory)");
    Console.WriteLine("  dashboard [--provider sqlite|postgresql|both]   10,000 exports and 1,000,000 runs: server time of the dashboard, export and run pages and their APIs");
    return 2;
}
