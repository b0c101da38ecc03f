using Portal.Contracts.Runs;

namespace Portal.Domain.Runs;

/// <summary>Progress nobody listens to.</summary>
public sealed class NoProgress : IExportProgress
{
    public static readonly NoProgress Instance = new();
    public ValueTask StageAsync(StatusCode stage, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    public void Totals(int items, long bytes) { }
    public void Transferred(long bytes) { }
    public ValueTask FileAsync(FileRecord file, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    public ValueTask ImageAsync(ImageRecord image, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
