using System.Diagnostics;
using System.Globalization;
using Portal.Testbed.Containers;
using Portal.Testbed.Domino;
using Portal.Testbed.Registries;

namespace Portal.Bench.Images;

/// <summary>
/// The image export's registry copy against <c>skopeo copy</c>: the same images between two docker-registry
/// servers on loopback, each tool in its own process, in alternating order. Three cases: an empty target, a
/// target that holds every layer (an unchanged re-export), and a new revision sharing all but one layer.
/// </summary>
internal static partial class ImageBench
{
    private static int Runs = 3;
    private static string[] EngineOptions = [];

    private static bool Cold => EngineOptions.Contains("cold=1");

    private sealed record BenchImage(string Name, string Title, IReadOnlyList<TestLayer> Rev1, IReadOnlyList<TestLayer> Rev2)
    {
        public long Bytes => Rev1.Sum(l => l.Size);
    }

    private sealed record Run(TimeSpan Measured, TimeSpan Wall, long PeakBytes, TimeSpan Cpu);

    private sealed record Row(string Image, string Case, List<Run> Engine, List<Run> Skopeo);

    public static async Task<int> RunAsync(string[] args)
    {
        EngineOptions = args.Where(a => a.Contains('=', StringComparison.Ordinal) && !a.StartsWith("runs=", StringComparison.Ordinal)
            && !a.StartsWith("cases=", StringComparison.Ordinal)).ToArray();
        var cases = args.FirstOrDefault(a => a.StartsWith("cases=", StringComparison.Ordinal)) is { } c
            ? c[6..].Split(',').ToHashSet(StringComparer.OrdinalIgnoreCase) : ["empty", "full", "new"];
        if (args.FirstOrDefault(a => a.StartsWith("runs=", StringComparison.Ordinal)) is { } runs) Runs = int.Parse(runs[5..], CultureInfo.InvariantCulture);
        var only = args.Where(a => !a.Contains('=', StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        bool Wanted(string name) => only.Count == 0 || only.Contains(name);

        await using var source = await RegistryServer.StartAsync();
        await using var domino = await DominoDouble.StartAsync();
        var user = domino.AddUser("bench");
        Console.WriteLine($"Source registry {Host(source)}, Domino double {domino.Url}, {System.Environment.ProcessorCount} cores, {Runs} runs per tool and case");
        Console.WriteLine($"skopeo: {await Bench.ToolVersionAsync("skopeo", "--version")}; engine options: {(EngineOptions.Length == 0 ? "defaults" : string.Join(' ', EngineOptions))}");

        var images = new List<BenchImage>();
        if (Wanted("three")) images.Add(await MakeAsync("three", "3 × 200 MiB layers", Enumerable.Range(0, 3).Select(i => (200L << 20, 1000 + i)).ToList()));
        if (Wanted("forty"))
        {
            var random = new Random(7);
            images.Add(await MakeAsync("forty", "40 small layers", Enumerable.Range(0, 40).Select(i => ((long)random.Next(16 << 10, 2 << 20), 2000 + i)).ToList()));
        }
        if (Wanted("huge")) images.Add(await MakeAsync("huge", "one 2 GiB layer", [(2L << 30, 3000)]));

        var publisher = new RegistryImages(source);
        var warmup = await publisher.PushImageAsync("src/warmup", "rev1", new ImageSpec([await TestLayer.RandomAsync(64 << 10, 1)]));
        domino.AddProject(user, "warmup").SelectEnvironment(AddEnvironment(domino, "warmup", warmup.Reference).Id, 1);

        var rows = new List<Row>();
        foreach (var image in images)
        {
            Console.WriteLine($"\n{image.Title}: {image.Bytes / 1048576.0:F1} MiB in {image.Rev1.Count} layers; publishing to the source registry …");
            var rev1 = await publisher.PushImageAsync($"src/{image.Name}", "rev1", new ImageSpec(image.Rev1));
            var rev2 = await publisher.PushImageAsync($"src/{image.Name}", "rev2", new ImageSpec(image.Rev2));
            var environment = AddEnvironment(domino, image.Name, rev1.Reference.Replace("localhost", "127.0.0.1", StringComparison.Ordinal),
                rev2.Reference.Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
            domino.AddProject(user, $"{image.Name}-rev1").SelectEnvironment(environment.Id, 1);
            domino.AddProject(user, $"{image.Name}-rev2").SelectEnvironment(environment.Id, 2);
            var context = new Context(source, domino, user, image, rev1.Digest, rev2.Digest);

            if (cases.Contains("empty")) rows.Add(await EmptyTargetAsync(context));
            if (cases.Contains("full")) rows.Add(await FullTargetAsync(context));
            if (cases.Contains("new") && image.Name != "huge") rows.Add(await NewRevisionAsync(context));
        }
        PrintTable(rows);
        return 0;
    }

    private sealed record Context(RegistryServer Source, DominoDouble Domino, DominoUser User, BenchImage Image, string Rev1Digest, string Rev2Digest);

    private static async Task<BenchImage> MakeAsync(string name, string title, List<(long Bytes, int Seed)> layers)
    {
        var rev1 = new List<TestLayer>();
        foreach (var (bytes, seed) in layers) rev1.Add(await TestLayer.RandomAsync(bytes, seed));
        // The next revision: every layer but the last is shared; the last is new content of the same size.
        var rev2 = rev1.Take(rev1.Count - 1).Append(await TestLayer.RandomAsync(layers[^1].Bytes, layers[^1].Seed + 500)).ToList();
        return new BenchImage(name, title, rev1, rev2);
    }

    private static TestEnvironment AddEnvironment(DominoDouble domino, string name, params string[] images)
    {
        var environment = domino.AddEnvironment("bench " + name);
        foreach (var image in images) environment.AddRevision(image.Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        return environment;
    }

    /// <summary>Empty target: a fresh registry for every run (no tool can mount from an earlier run's repository).</summary>
    private static Task<Row> EmptyTargetAsync(Context c) => MeasureAsync(c, "target empty", c.Image.Bytes, async tool =>
    {
        await using var target = await RegistryServer.StartAsync();
        await SettleAsync();
        return await CopyAsync(tool, c, target, 1);
    });

    /// <summary>Target holds every layer: each tool's own registry, filled once, then the same copy again (a forced re-export).</summary>
    private static async Task<Row> FullTargetAsync(Context c)
    {
        await using var engineTarget = await RegistryServer.StartAsync();
        await using var skopeoTarget = await RegistryServer.StartAsync();
        await CopyAsync("engine", c, engineTarget, 1);
        await CopyAsync("skopeo", c, skopeoTarget, 1);
        return await MeasureAsync(c, "target holds every layer", 0, async tool =>
        {
            await SettleAsync();
            return await CopyAsync(tool, c, tool == "engine" ? engineTarget : skopeoTarget, 1);
        });
    }

    /// <summary>A new revision sharing all but one layer: a fresh registry per run holding the previous revision (copied there by the same tool).</summary>
    private static Task<Row> NewRevisionAsync(Context c) => MeasureAsync(c, "new revision, one new layer", c.Image.Rev2[^1].Size, async tool =>
    {
        await using var target = await RegistryServer.StartAsync();
        await CopyAsync(tool, c, target, 1);
        await SettleAsync();
        return await CopyAsync(tool, c, target, 2);
    });

    /// <summary>Each tool <see cref="Runs"/> times, in alternating order (the machine is shared: neither always goes first).</summary>
    private static async Task<Row> MeasureAsync(Context c, string name, long movedBytes, Func<string, Task<Run>> run)
    {
        var row = new Row(c.Image.Title, name, [], []);
        for (var i = 0; i < Runs; i++)
            foreach (var tool in Order(i))
                (tool == "engine" ? row.Engine : row.Skopeo).Add(await run(tool));
        Report(row, movedBytes);
        return row;
    }

    private static string[] Order(int run) => run % 2 == 0 ? ["skopeo", "engine"] : ["engine", "skopeo"];

    private static string Host(RegistryServer registry) => $"127.0.0.1:{registry.Port}";

    private static async Task<Run> CopyAsync(string tool, Context c, RegistryServer target, int revision)
    {
        var name = c.Image.Name;
        ProcessStartInfo start;
        if (tool == "skopeo")
        {
            start = new ProcessStartInfo("skopeo");
            foreach (var arg in new[] { "copy", "--quiet", "--src-tls-verify=false", "--dest-tls-verify=false",
                         $"docker://{Host(c.Source)}/src/{name}:rev{revision}", $"docker://{Host(target)}/skopeo/{name}:rev{revision}" })
                start.ArgumentList.Add(arg);
        }
        else
        {
            var self = System.Environment.ProcessPath!;
            start = new ProcessStartInfo(self);
            if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(typeof(ImageBench).Assembly.Location);
            foreach (var arg in new[] { "images-engine", $"domino={c.Domino.Url}", $"key={c.User.ApiKey}", $"owner={c.User.UserName}",
                         $"project={name}-rev{revision}", $"name={name}", $"source={Host(c.Source)}", $"target={Host(target)}" }
                         .Concat(Cold ? [] : ["warmup=warmup"]).Concat(EngineOptions.Where(o => o != "cold=1")))
                start.ArgumentList.Add(arg);
            // cold=1: a fresh process's first export, with the runtime's defaults (tiered compilation on, as the portal runs).
            if (Cold) start.Environment["DOTNET_TieredCompilation"] = "1";
        }
        var run = await PeakMemory.RunAsync(start);
        if (run.ExitCode != 0) throw new InvalidOperationException($"{tool} failed: {run.Output}");
        if (tool == "engine" && EngineOptions.Contains("layers=1"))
            Console.WriteLine("      engine: " + run.Output.Trim().Replace("\n", "\n      engine: ", StringComparison.Ordinal));
        var repository = tool == "engine" ? $"bench/{name}" : $"skopeo/{name}";
        var copied = await target.GetManifestAsync(repository, tool == "engine" ? "latest" : $"rev{revision}");
        var expected = revision == 1 ? c.Rev1Digest : c.Rev2Digest;
        if (copied.Digest != expected) throw new InvalidOperationException($"{tool} pushed {copied.Digest}, not the source's {expected}");
        if (tool == "skopeo") return new Run(run.Elapsed, run.Elapsed, run.PeakBytes, run.Cpu);
        var parts = run.Output.Trim().Split('\n')[0].Split(' ');
        return new Run(TimeSpan.FromSeconds(double.Parse(parts[1], CultureInfo.InvariantCulture)), run.Elapsed,
            Math.Max(run.PeakBytes, long.Parse(parts[2], CultureInfo.InvariantCulture)), run.Cpu);
    }

    /// <summary>Lets the disk write out what the previous run left in the page cache, so no run pays for the one before it.</summary>
    private static async Task SettleAsync()
    {
        using (var sync = Process.Start("sync")) await sync!.WaitForExitAsync();
        await Task.Delay(TimeSpan.FromSeconds(1));
    }
}
