using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Files;
using Portal.Domain.StatusLogs;
using Portal.Testbed.S3;
using Portal.Domain;

namespace Portal.Tests.Integration.Domain.StatusLogs;

public sealed class StatusLogTests
{
    private static readonly DateTime T1 = new(2020, 4, 10, 14, 47, 26, 16, DateTimeKind.Utc);

    private static StatusRecord Success(DateTime at, string id = "e1") => new(at.AddTicks(2030), id, "success",
        ExportFrequencySeconds: 900, DominoUsername: "alice", DominoProjectName: "churn", ExportGroupName: "team",
        ExportProjectName: "churn", ProjectExportRuntimeSeconds: 12.5, ProjectExportLocation: "s3://b/projects/team/churn/latest",
        ProjectCommitId: "abc", ProjectExportStatus: "Completed", ImageExportRuntimeSeconds: 3.0,
        ImageExportLocation: ["reg/team/churn:latest", "reg/team/churn:env-v2"], ImageExportStatus: "Completed",
        DominoImageEnvironmentName: "Python v2 [env]");

    [Fact]
    public void Writes_records_as_the_original_did_keys_in_order_one_compact_object_per_line()
    {
        var failed = new StatusRecord(T1.AddHours(1), "e1", "error", 120, "Domino API gave HTTP response status code 500 with message ''",
            900, "alice", "churn", "team", "churn", ProjectExportStatus: "DominoAPIError", ImageExportStatus: "Skipped");

        var text = PythonJson.Array([failed, Success(T1)]);

        Assert.Equal(
            "[\n" +
            "{\"timestamp\": \"2020-04-10 15:47:26.016000\", \"export_id\": \"e1\", \"status\": \"error\", \"error_code\": 120, " +
            "\"error_message\": \"Domino API gave HTTP response status code 500 with message ''\", \"export_frequency_seconds\": 900, " +
            "\"domino_username\": \"alice\", \"domino_project_name\": \"churn\", \"export_group_name\": \"team\", " +
            "\"export_project_name\": \"churn\", \"project_export_runtime_seconds\": 0, \"project_export_location\": null, " +
            "\"project_commit_id\": null, \"project_export_status\": \"DominoAPIError\", \"image_export_runtime_seconds\": 0, " +
            "\"image_export_location\": [], \"image_export_status\": \"Skipped\", \"domino_image_environment_name\": null},\n" +
            "{\"timestamp\": \"2020-04-10 14:47:26.016203\", \"export_id\": \"e1\", \"status\": \"success\", \"error_code\": 0, " +
            "\"error_message\": null, \"export_frequency_seconds\": 900, \"domino_username\": \"alice\", \"domino_project_name\": \"churn\", " +
            "\"export_group_name\": \"team\", \"export_project_name\": \"churn\", \"project_export_runtime_seconds\": 12.5, " +
            "\"project_export_location\": \"s3://b/projects/team/churn/latest\", \"project_commit_id\": \"abc\", " +
            "\"project_export_status\": \"Completed\", \"image_export_runtime_seconds\": 3.0, " +
            "\"image_export_location\": [\"reg/team/churn:latest\", \"reg/team/churn:env-v2\"], \"image_export_status\": \"Completed\", " +
            "\"domino_image_environment_name\": \"Python v2 [env]\"}\n" +
            "]",
            text);
    }

    [Fact]
    public void Escapes_strings_as_Pythons_json_dumps_does()
    {
        var line = PythonJson.Object([("m", "quote \" slash \\ tab \t nl \n ü 🚀 </script> \u0001 \u007f")]);

        Assert.Equal("{\"m\": \"quote \\\" slash \\\\ tab \\t nl \\n \\u00fc \\ud83d\\ude80 </script> \\u0001 \u007f\"}", line);
    }

    [Fact]
    public void Writes_the_top_level_log_with_a_null_path_for_scheduled_exports()
    {
        var text = PythonJson.Array([new ExportsStatusRecord(T1, "e1", "success", "s3://b/projects/g/p/sync-status.log"),
            new ExportsStatusRecord(T1, "e2", "scheduled", null)]);

        Assert.Equal("[\n{\"timestamp\": \"2020-04-10 14:47:26.016000\", \"export_id\": \"e1\", \"status\": \"success\", " +
                     "\"sync_log_path\": \"s3://b/projects/g/p/sync-status.log\"},\n" +
                     "{\"timestamp\": \"2020-04-10 14:47:26.016000\", \"export_id\": \"e2\", \"status\": \"scheduled\", \"sync_log_path\": null}\n]",
            text);
    }

    [Fact]
    public void The_sync_history_is_newest_first_without_skipped_runs_and_keeps_failures()
    {
        var records = Enumerable.Range(0, 15).Select(i => Success(T1.AddMinutes(i)) with { Status = i % 3 == 0 ? "skipped" : i % 3 == 1 ? "error" : "success" });

        var history = StatusLogWriter.SyncHistory(records);

        Assert.Equal(10, history.Count);
        Assert.DoesNotContain(history, r => r.Status == "skipped");
        Assert.Contains(history, r => r.Status == "error");
        Assert.Equal(history.OrderByDescending(r => r.Timestamp), history);
    }

    [Fact]
    public async Task Overwrites_the_sync_log_and_the_top_level_log_in_S3()
    {
        await using var s3 = await S3Server.StartAsync("logs");
        await using var services = new ServiceCollection().AddLogging().AddFileExport().BuildServiceProvider();
        var writer = services.GetRequiredService<StatusLogWriter>();
        var layout = new ExportLayout(s3.Target("logs", "pre"), "team", "churn");

        await writer.WriteSyncLogAsync(layout, [Success(T1)], default);
        await writer.WriteSyncLogAsync(layout, [Success(T1), Success(T1.AddDays(1))], default);
        await writer.WriteExportsLogAsync(layout.Target, [new ExportsStatusRecord(T1, "e1", "success", layout.SyncLogUrl)], default);

        var sync = await ReadAsync(s3, "pre/projects/team/churn/sync-status.log");
        var top = await ReadAsync(s3, "pre/exports-status.log");
        Assert.Equal(PythonJson.Array([Success(T1.AddDays(1)), Success(T1)]), sync);
        Assert.Contains("\"sync_log_path\": \"s3://logs/pre/projects/team/churn/sync-status.log\"", top, StringComparison.Ordinal);
    }

    private static async Task<string> ReadAsync(S3Server s3, string key)
    {
        using var response = await s3.Client.GetObjectAsync("logs", key);
        using var reader = new StreamReader(response.ResponseStream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }
}
