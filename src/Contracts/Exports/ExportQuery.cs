namespace Portal.Contracts.Exports;

/// <summary>The exports table's query: search, filters, sort and page (all done by the server).</summary>
public sealed record ExportQuery(
    string? Search = null,
    string? Outcome = null,
    string? OwnerId = null,
    ExportKind? Kind = null,
    bool IncludeArchived = false,
    string? SortBy = null,
    bool Descending = false,
    int Page = 0,
    int PageSize = 25);
