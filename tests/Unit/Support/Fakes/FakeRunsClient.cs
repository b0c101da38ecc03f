using Portal.Contracts.Exports;
using Portal.Contracts.Runs;
using Portal.Contracts.Shared;

namespace Portal.Tests.Unit.Support.Fakes;

public sealed class FakeRunsClient : IRunsClient
{
    private readonly Queue<RunDetails> next = new();

    /// <summary>What GetAsync answers once the queued answers are used up.</summary>
    public RunDetails? Current { get; set; }
    public int Gets { get; private set; }
    public List<long> Cancelled { get; } = [];
    public List<string?> FileQueries { get; } = [];
    public Page<RunSummary> History { get; set; } = new([], 0);
    public Page<RunFileDto> Files { get; set; } = new([], 0);
    public SaveResult CancelResult { get; set; } = SaveResult.Ok(1);
    public List<long> Resumed { get; } = [];
    public RunStarted ResumeResult { get; set; } = new(true, 99, "Run #3 is queued.");

    /// <summary>Answers GetAsync gives in turn (a run that moves on), the last one staying.</summary>
    public void Then(params RunDetails[] details)
    {
        foreach (var d in details) next.Enqueue(d);
    }

    public Task<RunDetails?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        Gets++;
        if (next.TryDequeue(out var d)) Current = d;
        return Task.FromResult(Current);
    }

    public Task<Page<RunSummary>> ForExportAsync(int exportId, int page, int pageSize, CancellationToken cancellationToken = default) =>
        Task.FromResult(History);

    public Task<Page<RunFileDto>> FilesAsync(long runId, string? outcome, int skip, int take, CancellationToken cancellationToken = default)
    {
        FileQueries.Add(outcome);
        return Task.FromResult(Files);
    }

    public Task<SaveResult> CancelAsync(long runId, CancellationToken cancellationToken = default)
    {
        Cancelled.Add(runId);
        return Task.FromResult(CancelResult);
    }

    public Task<RunStarted> ResumeAsync(long runId, CancellationToken cancellationToken = default)
    {
        Resumed.Add(runId);
        return Task.FromResult(ResumeResult);
    }
}
