using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Connections;
using Portal.Runs;
using Portal.Testbed.S3;
using Portal.Tests.Integration.Support;
using static Portal.Tests.Integration.V1.Conformance.V1Messages;
using Portal.Contracts.Connections;
using Portal.Contracts.Runs;

namespace Portal.Tests.Integration.V1.Conformance;

/// <summary>
/// The two S3 logs against docs/s3-layout.md ("Status logs"), read back from a real S3 server: the JSON-array wrapper
/// with one object per line, Python's separators, the original's field order and its timestamp style.
/// </summary>
[Collection(PortalHostCollection.Name)]
public sealed class StatusLogConformanceTests(V1Fixture portal) : IClassFixture<V1Fixture>
{
    private const string Bucket = "exports";
    private const string PythonTime = @"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{6})?$";

    [Fact]
    public async Task Both_logs_keep_the_originals_wrapper_field_order_and_timestamp_style()
    {
        await using var s3 = await S3Server.StartAsync(Bucket);
        var saved = await portal.InScopeAsync(sp => sp.GetRequiredService<ConnectionService>().SaveS3TargetAsync(portal.Setup.S3TargetId,
            new S3TargetForm
            {
                Name = "bucket", Bucket = Bucket, EndpointUrl = s3.Url.ToString(), AccessKeyId = S3Server.Credentials.AccessKey,
                SecretAccessKey = S3Server.Credentials.SecretKey,
            }, default));
        Assert.True(saved.Succeeded);
        var ran = await CreateAsync("logged");
        var waiting = await CreateAsync("waiting");
        await portal.AddRunAsync(ran, StatusCode.Completed, r =>
        {
            (r.FilesStatus, r.ImageStatus, r.FilesSeconds, r.ImageSeconds) = (StatusCode.Completed, StatusCode.Completed, 90.0, 0.25);
            (r.CommitId, r.FilesLocation) = ("c0ffee", $"s3://{Bucket}/projects/logs/logged/latest");
        });
        await portal.AddRunAsync(ran, StatusCode.Skipped, r => (r.FilesStatus, r.ImageStatus) = (StatusCode.Skipped, StatusCode.Skipped));
        await portal.AddRunAsync(ran, StatusCode.S3AccessDenied, r => (r.FilesStatus, r.Message) = (StatusCode.S3AccessDenied, "Refused"));
        var exportId = await portal.DbAsync(db => db.Exports.Where(e => e.ExportKey == ran).Select(e => e.Id).SingleAsync());

        await portal.InScopeAsync(sp => sp.GetRequiredService<StatusLogPublisher>().PublishAsync(exportId, default));

        var sync = Lines(await ReadAsync(s3, "projects/logs/logged/sync-status.log"));
        Assert.Equal(2, sync.Count);
        foreach (var line in sync) AssertLine(line, ProjectStatusFields);
        Assert.Equal(["error", "success"], sync.Select(l => Parse(l).GetProperty("status").GetString()));
        Assert.Contains("\"project_export_runtime_seconds\": 90.0, ", sync[1], StringComparison.Ordinal);
        Assert.Contains("\"image_export_runtime_seconds\": 0.25, ", sync[1], StringComparison.Ordinal);
        Assert.Contains("\"project_export_runtime_seconds\": 0, ", sync[0], StringComparison.Ordinal);
        Assert.Contains("\"image_export_location\": [], ", sync[0], StringComparison.Ordinal);
        // The runs started on whole seconds: Python's str() writes no fraction then.
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$", Parse(sync[1]).GetProperty("timestamp").GetString());

        var top = Lines(await ReadAsync(s3, "exports-status.log"));
        foreach (var line in top) AssertLine(line, ["timestamp", "export_id", "status", "sync_log_path"]);
        var mine = top.Select(Parse).Single(l => l.GetProperty("export_id").GetString() == ran);
        Assert.Equal(("error", $"s3://{Bucket}/projects/logs/logged/sync-status.log"),
            (mine.GetProperty("status").GetString(), mine.GetProperty("sync_log_path").GetString()));
        var scheduled = top.Select(Parse).Single(l => l.GetProperty("export_id").GetString() == waiting);
        Assert.Equal(("scheduled", JsonValueKind.Null), (scheduled.GetProperty("status").GetString(), scheduled.GetProperty("sync_log_path").ValueKind));
    }

    private async Task<string> CreateAsync(string project)
    {
        portal.AliceProject(project);
        var (status, json) = await portal.V1Client(portal.DominoAlice.ApiKey).PostAsync("/v1/projects/create", JsonSerializer.Serialize(new
        {
            username = "alice", project_name = project, export_group_name = "logs", export_project_name = project,
        }));
        Assert.Equal(HttpStatusCode.Created, status);
        return json.GetProperty("export_id").GetString()!;
    }

    /// <summary>"[\n", one object per line joined by ",\n", "\n]": the lines, without their commas.</summary>
    private static List<string> Lines(string log)
    {
        Assert.StartsWith("[\n{", log, StringComparison.Ordinal);
        Assert.EndsWith("}\n]", log, StringComparison.Ordinal);
        var lines = log[2..^2].Split('\n');
        Assert.All(lines[..^1], l => Assert.EndsWith("},", l, StringComparison.Ordinal));
        return lines.Select(l => l.TrimEnd(',')).ToList();
    }

    /// <summary>A compact object with Python's ", " and ": " separators, its keys in the original's order, Python-style times.</summary>
    private static void AssertLine(string line, string[] keys)
    {
        var json = Parse(line);
        Assert.Equal(keys, json.EnumerateObject().Select(p => p.Name));
        Assert.StartsWith($"{{\"{keys[0]}\": ", line, StringComparison.Ordinal);
        foreach (var key in keys.Skip(1)) Assert.Contains($", \"{key}\": ", line, StringComparison.Ordinal);
        Assert.DoesNotMatch("\":[^ ]|\",\"|[0-9el],\"", line);
        Assert.Matches(PythonTime, json.GetProperty("timestamp").GetString());
        Assert.All(line, c => Assert.True(c < 0x7f, $"non-ASCII character in {line}"));
    }

    private static JsonElement Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        return document.RootElement.Clone();
    }

    private static async Task<string> ReadAsync(S3Server s3, string key)
    {
        using var response = await s3.Client.GetObjectAsync(Bucket, key);
        using var reader = new StreamReader(response.ResponseStream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }
}
