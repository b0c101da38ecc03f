using Portal.Contracts.Exports;
using Portal.Contracts.Shared;

namespace Portal.Tests.Unit.Support.Fakes;

/// <summary>The exports API as a test sets it up: answers it gives and calls it saw.</summary>
public sealed class FakeExportsClient : IExportsClient
{
    public List<ExportQuery> Queries { get; } = [];
    public List<ExportForm> Validated { get; } = [];
    public List<(int? Id, ExportForm Form)> Saved { get; } = [];
    public Page<ExportSummary> List { get; set; } = new([], 0);
    public Dictionary<int, ExportDetails> Details { get; } = [];
    public ExportFormOptions Options { get; set; } = Samples.FormOptions();
    public IReadOnlyList<DominoProjectOption> Projects { get; set; } = [];
    public string? ProjectsError { get; set; }
    public Func<ExportForm, ExportValidation> Validation { get; set; } = _ => new(new Dictionary<string, string[]>(), [], []);
    public SaveResult SaveResult { get; set; } = SaveResult.Ok(42);
    public RunStarted RunStarted { get; set; } = new(true, 7, "Run #1 is queued.");

    public Task<Page<ExportSummary>> ListAsync(ExportQuery query, CancellationToken cancellationToken = default)
    {
        Queries.Add(query);
        return Task.FromResult(List);
    }

    public Task<ExportDetails?> GetAsync(int id, CancellationToken cancellationToken = default) =>
        Task.FromResult(Details.GetValueOrDefault(id));

    public Task<ExportFormOptions> FormOptionsAsync(CancellationToken cancellationToken = default) => Task.FromResult(Options);

    public Task<DominoProjectList> DominoProjectsAsync(int deploymentId, CancellationToken cancellationToken = default) =>
        Task.FromResult(new DominoProjectList(Projects, ProjectsError));

    public Task<ExportValidation> ValidateAsync(int? id, ExportForm form, CancellationToken cancellationToken = default)
    {
        lock (Validated) Validated.Add(form);
        return Task.FromResult(Validation(form));
    }

    public Task<SaveResult> SaveAsync(int? id, ExportForm form, CancellationToken cancellationToken = default)
    {
        Saved.Add((id, form));
        return Task.FromResult(SaveResult);
    }

    public Task<SaveResult> SetEnabledAsync(int id, bool enabled, CancellationToken cancellationToken = default) => Task.FromResult(SaveResult.Ok(id));

    public Task<SaveResult> ArchiveAsync(int id, CancellationToken cancellationToken = default) => Task.FromResult(SaveResult.Ok(id));

    public List<int> Restored { get; } = [];

    public Task<SaveResult> RestoreAsync(int id, CancellationToken cancellationToken = default)
    {
        Restored.Add(id);
        return Task.FromResult(SaveResult.Ok(id));
    }

    public Task<RunStarted> RunNowAsync(int id, CancellationToken cancellationToken = default) => Task.FromResult(RunStarted);

    public Task<RunStarted> VerifyAsync(int id, CancellationToken cancellationToken = default) => Task.FromResult(RunStarted);

    public List<int> DryRuns { get; } = [];

    public Task<RunStarted> DryRunAsync(int id, CancellationToken cancellationToken = default)
    {
        DryRuns.Add(id);
        return Task.FromResult(RunStarted);
    }

    public List<ExportForm> Previewed { get; } = [];

    public Func<ExportForm, FilterPreview> Preview { get; set; } = _ => new(null, 0, 0, 0, 0, "Choose the project to see what the filters keep.");

    public Task<FilterPreview> PreviewFilterAsync(ExportForm form, CancellationToken cancellationToken = default)
    {
        lock (Previewed) Previewed.Add(form);
        return Task.FromResult(Preview(form));
    }

    public List<int> ForcedRuns { get; } = [];

    public Task<RunStarted> RunAnywayAsync(int id, CancellationToken cancellationToken = default)
    {
        ForcedRuns.Add(id);
        return Task.FromResult(RunStarted);
    }
}
