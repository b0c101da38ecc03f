using System.Diagnostics;
using System.Globalization;
using Portal.Testbed.Domino;
using Portal.Testbed.S3;

namespace Portal.Bench;

/// <summary>
/// The file export against `rclone copy` on the same data, from the same kind of source (generated
/// content over loopback HTTP) to the same S3 server. Each tool runs in its own process with the same
/// parallelism; the wall time of the process and its peak memory are measured the same way for both. (Just over 200
/// lines: the comparison, both tools' runners and the check of their copies read best together.)
/// </summary>
internal static class FileBench
{
    private const string Bucket = "bench";
    private const int Parallel = 8;
    private static int Runs = 3;

    /// <summary>Engine settings to try (part-mib=N, parts-in-flight=N), passed on to the engine's process.</summary>
    private static string[] EngineOptions = [];

    public static async Task<int> RunAsync(string[] args)
    {
        string[] benchOptions = ["runs=", "server-checksums="];
        EngineOptions = args.Where(a => a.Contains('=', StringComparison.Ordinal) && !benchOptions.Any(o => a.StartsWith(o, StringComparison.Ordinal))).ToArray();
        if (args.FirstOrDefault(a => a.StartsWith("runs=", StringComparison.Ordinal)) is { } runs) Runs = int.Parse(runs[5..], CultureInfo.InvariantCulture);
        // The engine sends each part's SHA-256 (x-amz-checksum-sha256), rclone does not. S3 verifies it on its own
        // machines; the S3 test server, the bottleneck of both tools, would hash it on its one event loop (about 0.7 s
        // of its time per GiB) and slow the engine's transfers by its own work. So by default it stores what it gets
        // without that hash, as it does for rclone; server-checksums=1 measures with it.
        var serverChecksums = args.Contains("server-checksums=1");
        var only = args.Where(a => !a.Contains('=', StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        bool Wanted(string name) => only.Count == 0 || only.Contains(name);

        await using var s3 = await S3Server.StartAsync([Bucket], strictSignatures: false, verifyChecksums: serverChecksums);
        await using var domino = await DominoDouble.StartAsync();
        var user = domino.AddUser("bench");
        Console.WriteLine($"S3 server {s3.Url} (data in {s3.Directory}), Domino double {domino.Url}, {Environment.ProcessorCount} cores");
        Console.WriteLine($"Both tools: {Parallel} files at once; rclone {RcloneVersion()}; the S3 server {(serverChecksums ? "verifies" : "does not verify")} the engine's SHA-256 checksums");
        Console.WriteLine();

        var random = new Random(1);
        if (Wanted("small"))
            await CompareAsync("a) 2,000 files of 1-64 KiB", s3, domino, user, "small",
                Enumerable.Range(0, 2000).Select(i => new TestFile($"d{i % 20:00}/f{i:0000}.bin",
                    TestContent.Generated(random.Next(1024, 64 * 1024 + 1), seed: i))).ToList());
        if (only.Contains("tiny"))
            await CompareAsync("tiny", s3, domino, user, "tiny", [new TestFile("one.bin", TestContent.Generated(1000, seed: 1))]);
        if (Wanted("large"))
            await CompareAsync("b) 4 files of 256 MiB", s3, domino, user, "large",
                Enumerable.Range(0, 4).Select(i => new TestFile($"large/{i}.bin", TestContent.Generated(256L << 20, seed: 100 + i))).ToList());
        if (Wanted("memory"))
            await CompareAsync("c) one 2 GiB file (peak memory)", s3, domino, user, "memory",
                [new TestFile("huge/2GiB.bin", TestContent.Generated(2L << 30, seed: 200))]);
        return 0;
    }

    private static async Task CompareAsync(string title, S3Server s3, DominoDouble domino, DominoUser user, string name, List<TestFile> files)
    {
        var project = domino.AddProject(user, name);
        project.Commit(files);
        await using var tree = await FileTreeServer.StartAsync(files);
        var bytes = files.Sum(f => f.Content.Length);
        Console.WriteLine($"{title}: {files.Count} files, {bytes / 1048576.0:F1} MiB");

        // The machine is shared: each tool runs Runs times in alternating order (run 1 rclone first, run 2 the engine
        // first, ...), so load that comes and goes hits both alike; the medians are compared, with the spread shown.
        var rcloneTimes = new List<TimeSpan>();
        var engineTimes = new List<TimeSpan>();
        var exportTimes = new List<double>();
        long rclonePeak = 0, enginePeak = 0;
        var rcloneCpu = new List<TimeSpan>();
        var engineCpu = new List<TimeSpan>();
        for (var run = 0; run < Runs; run++)
        {
            foreach (var tool in run % 2 == 0 ? new[] { "rclone", "engine" } : ["engine", "rclone"])
            {
                Clear(s3, name);
                await SettleAsync();
                if (tool == "rclone")
                {
                    var r = await RunRcloneAsync(s3, tree, $"rclone-{name}");
                    await CheckAsync(s3, $"rclone-{name}/", files);
                    rcloneTimes.Add(r.Elapsed);
                    rclonePeak = Math.Max(rclonePeak, r.PeakBytes);
                    rcloneCpu.Add(r.Cpu);
                }
                else
                {
                    var e = await RunEngineAsync(s3, domino, user, name);
                    await CheckAsync(s3, $"engine/projects/bench/{name}/latest/", files);
                    engineTimes.Add(e.Elapsed);
                    enginePeak = Math.Max(enginePeak, e.PeakBytes);
                    engineCpu.Add(e.Cpu);
                    exportTimes.Add(e.ExportSeconds);
                }
            }
        }
        Clear(s3, name);

        var rclone = Stats.Median(rcloneTimes);
        var engine = Stats.Median(engineTimes);
        string Spread(List<TimeSpan> t) => string.Create(CultureInfo.InvariantCulture, $"{t.Min().TotalSeconds:F2}–{t.Max().TotalSeconds:F2}");
        string Times(List<TimeSpan> t) => string.Join(", ", t.Select(x => x.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture)));
        Console.WriteLine($"  rclone copy : median {rclone.TotalSeconds,6:F2} s ({Spread(rcloneTimes)})  {bytes / 1048576.0 / rclone.TotalSeconds,6:F1} MiB/s  peak {rclonePeak / 1048576.0,5:F0} MiB  cpu {Stats.Median(rcloneCpu).TotalSeconds,5:F1} s  (runs: {Times(rcloneTimes)})");
        Console.WriteLine($"  engine      : median {engine.TotalSeconds,6:F2} s ({Spread(engineTimes)})  {bytes / 1048576.0 / engine.TotalSeconds,6:F1} MiB/s  peak {enginePeak / 1048576.0,5:F0} MiB  cpu {Stats.Median(engineCpu).TotalSeconds,5:F1} s  (runs: {Times(engineTimes)}; export alone, median {exportTimes.Order().ElementAt(exportTimes.Count / 2):F2} s)");
        Console.WriteLine($"  time ratio engine/rclone (medians): {engine / rclone:F2} (below 1 = engine faster); load average {Stats.LoadAverage()}");
        Console.WriteLine($"  | {title} | {rclone.TotalSeconds:F2} s ({Spread(rcloneTimes)}) | {engine.TotalSeconds:F2} s ({Spread(engineTimes)}) | {engine / rclone:F2} | {rclonePeak >> 20} / {enginePeak >> 20} MiB |");
        Console.WriteLine();
    }

    /// <summary>
    /// Lets the disk write out what the previous run left in the page cache, so no run pays for the
    /// one before it.
    /// </summary>
    private static async Task SettleAsync()
    {
        using (var sync = Process.Start("sync")) await sync.WaitForExitAsync();
        await Task.Delay(TimeSpan.FromSeconds(1));
    }

    /// <summary>Frees the disk between runs (s3rver keeps each object as files under its folder).</summary>
    private static void Clear(S3Server s3, string name)
    {
        foreach (var dir in new[] { $"rclone-{name}", "engine" })
        {
            var path = Path.Combine(s3.Directory, Bucket, dir);
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
        }
    }

    private static async Task<(TimeSpan Elapsed, long PeakBytes, TimeSpan Cpu)> RunRcloneAsync(S3Server s3, FileTreeServer tree, string prefix)
    {
        var config = Path.Combine(s3.Directory, "..", $"rclone-{Guid.NewGuid():N}.conf");
        await File.WriteAllTextAsync(config, $"""
            [src]
            type = http
            url = {tree.Url}

            [dst]
            type = s3
            provider = Other
            access_key_id = S3RVER
            secret_access_key = S3RVER
            endpoint = {s3.Url}
            region = us-east-1
            force_path_style = true
            """);
        try
        {
            var start = new ProcessStartInfo("rclone");
            // The S3 server is plain HTTP on loopback; a CA bundle from the environment only makes rclone's SDK refuse its transport.
            start.Environment.Remove("AWS_CA_BUNDLE");
            foreach (var arg in new[] { "copy", "src:", $"dst:{Bucket}/{prefix}", "--config", config, "--transfers", Parallel.ToString(CultureInfo.InvariantCulture),
                         "--s3-chunk-size", "8M", "--s3-upload-concurrency", "4", "--retries", "1", "--low-level-retries", "3" })
                start.ArgumentList.Add(arg);
            var run = await PeakMemory.RunAsync(start);
            if (run.ExitCode != 0) throw new InvalidOperationException($"rclone failed: {run.Output}");
            return (run.Elapsed, run.PeakBytes, run.Cpu);
        }
        finally
        {
            File.Delete(config);
        }
    }

    private static async Task<(TimeSpan Elapsed, long PeakBytes, double ExportSeconds, TimeSpan Cpu)> RunEngineAsync(S3Server s3, DominoDouble domino,
        DominoUser user, string name)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self);
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(typeof(FileBench).Assembly.Location);
        foreach (var arg in new[] { "export", $"domino={domino.Url}", $"key={user.ApiKey}", $"owner={user.UserName}", $"project={name}",
                     $"s3={s3.Url}", $"bucket={Bucket}", "prefix=engine", $"name={name}", $"parallel={Parallel}" }.Concat(EngineOptions))
            start.ArgumentList.Add(arg);
        var run = await PeakMemory.RunAsync(start);
        if (run.ExitCode != 0) throw new InvalidOperationException($"the engine failed: {run.Output}");
        if (EngineOptions.Any(o => o.StartsWith("gc=", StringComparison.Ordinal) || o.StartsWith("stages=", StringComparison.Ordinal)
                                     || o.StartsWith("http=", StringComparison.Ordinal)))
            foreach (var line in run.Output.Trim().Split('\n').Skip(1)) Console.WriteLine("  engine: " + line);
        var parts = run.Output.Trim().Split('\n')[0].Split(' ');
        return (run.Elapsed, Math.Max(run.PeakBytes, long.Parse(parts[2], CultureInfo.InvariantCulture)),
            double.Parse(parts[1], CultureInfo.InvariantCulture), TimeSpan.FromSeconds(double.Parse(parts[3], CultureInfo.InvariantCulture)));
    }

    /// <summary>Both copies must hold every byte: sizes from a listing, plus the server's MD5 ETag for single-part objects.</summary>
    private static async Task CheckAsync(S3Server s3, string prefix, List<TestFile> files)
    {
        var stored = await s3.ListETagsAsync(Bucket, prefix);
        var wrong = files.Where(f => !stored.TryGetValue(f.Path, out var o) || o.Size != f.Content.Length).Select(f => f.Path).ToList();
        if (wrong.Count > 0) throw new InvalidOperationException($"{prefix}: {wrong.Count} files missing or of the wrong size, e.g. {wrong[0]}");
        foreach (var f in files.Where(f => f.Content.Length < 5 << 20))
        {
            using var content = f.Content.Open();
            var md5 = Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(content));
            if (stored[f.Path].ETag != md5) throw new InvalidOperationException($"{prefix}{f.Path}: stored bytes differ");
        }
    }

    private static string RcloneVersion()
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("rclone", "version") { RedirectStandardOutput = true })!;
            return p.StandardOutput.ReadLine() ?? "?";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException("rclone is not installed: run scripts/install-prerequisites.sh");
        }
    }
}
