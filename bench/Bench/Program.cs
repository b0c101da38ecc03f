using Portal.Bench;

// Benchmarks that print numbers; see bench/README.md.
return args.FirstOrDefault() switch
{
    "files" => await FileBench.RunAsync(args[1..]),
    "export" => await EngineExport.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("usage: dotnet run --project bench/Bench -c Release -- files [small] [large] [memory]");
    return 2;
}
