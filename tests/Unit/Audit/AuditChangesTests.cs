using Portal.Audit;
using Portal.Connections;
using Portal.Contracts.Exports;
using Portal.Exports;

namespace Portal.Tests.Unit.Audit;

/// <summary>What-changed diffs: the fields a person changed, before and after; a secret only as "secret set/changed/cleared".</summary>
public sealed class AuditChangesTests
{
    private static S3Destination Target(string? secret, string bucket = "exports") => new()
    {
        Id = 4, Name = "Lab", Bucket = bucket, AccessKeyId = "AKIAEXAMPLE", SecretAccessKey = secret,
        CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    private static string Describe(S3Destination? before, S3Destination after) => AuditChanges.Describe(AuditChanges.Between(
        before is null ? null : AuditSnapshot.Of(before, [nameof(S3Destination.SecretAccessKey)]),
        AuditSnapshot.Of(after, [nameof(S3Destination.SecretAccessKey)])))!;

    [Fact]
    public void A_changed_field_reads_before_and_after_and_unchanged_ones_are_left_out()
    {
        var text = Describe(Target("cipher-1"), Target("cipher-1", bucket: "archive"));

        Assert.Equal("Bucket: \"exports\" → \"archive\"", text);
    }

    [Fact]
    public void A_changed_secret_says_so_without_either_value()
    {
        var text = Describe(Target("old-secret-cipher"), Target("new-secret-cipher"));

        Assert.Equal("SecretAccessKey: secret changed", text);
        Assert.DoesNotContain("cipher", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_set_on_a_new_object_or_cleared_later_never_shows_its_value()
    {
        var created = Describe(null, Target("first-secret-cipher"));
        var cleared = Describe(Target("first-secret-cipher"), Target(null));

        Assert.Contains("SecretAccessKey: secret set", created, StringComparison.Ordinal);
        Assert.Contains("Name: (none) → \"Lab\"", created, StringComparison.Ordinal);
        Assert.DoesNotContain("first-secret", created, StringComparison.Ordinal);
        Assert.Equal("SecretAccessKey: secret cleared", cleared);
    }

    [Fact]
    public void Bookkeeping_fields_are_not_changes()
    {
        var before = Target("s");
        var after = Target("s");
        after.UpdatedAt = DateTimeOffset.UnixEpoch.AddDays(3);
        after.Id = 5;

        Assert.Empty(AuditChanges.Between(AuditSnapshot.Of(before), AuditSnapshot.Of(after)));
        Assert.Null(AuditChanges.Describe([]));
    }

    [Fact]
    public void An_exports_domino_key_is_a_secret_and_its_run_bookkeeping_is_not_a_change()
    {
        var export = Export.Create(ExportKind.Project, "owner", 1, "team", "churn", "*/15 * * * *", DateTimeOffset.UnixEpoch);
        export.ApiKey = "protected-domino-key";
        var before = ExportAudit.Snapshot(export);
        export.ApiKey = "another-protected-domino-key";
        export.LastRunId = 42;
        export.NextRunAt = DateTimeOffset.UnixEpoch.AddHours(1);
        export.Enabled = false;

        var text = AuditChanges.Describe(AuditChanges.Between(before, ExportAudit.Snapshot(export)))!;

        Assert.Equal("ApiKey: secret changed; Enabled: \"True\" → \"False\"", text);
        Assert.DoesNotContain("domino-key", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_value_is_shown_by_its_start_and_length()
    {
        var change = new AuditChange("Content", "FROM x\n", "FROM {DOMINO_DOCKER_IMAGE}\n" + new string('#', 200));

        Assert.Equal($"Content: \"FROM x\n\" → \"FROM {{DOMINO_DOCKER_IMAGE}} {new string('#', 33)}…\" (227 characters)", change.ToString());
    }
}
