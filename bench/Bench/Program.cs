using Portal.Bench.Dashboard;

return args.FirstOrDefault() switch
{
    "dashboard" => await DashboardBench.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("usage: dotnet run --project bench/Bench -c Release -- <benchmark> [options]");
    Console.WriteLine("  dashboard   seed 10,000 exports and 1,000,000 runs, time the dashboard, export and run pages and their APIs (see bench/README.md)");
    return 2;
}
