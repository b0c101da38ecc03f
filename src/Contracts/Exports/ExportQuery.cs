using System.ComponentModel.DataAnnotations;
using Portal.Contracts.Shared;

namespace Portal.Contracts.Exports;

/// <summary>
/// The exports table's query: search, filters, sort and page (all done by the server). Outcome is one of succeeded,
/// failed, skipped, running, never, disabled or archived (only archived exports; the others leave them out unless
/// IncludeArchived).
/// </summary>
public sealed record ExportQuery(
    [property: StringLength(200), SingleLine] string? Search = null,
    [property: StringLength(32), SingleLine] string? Outcome = null,
    [property: StringLength(450), SingleLine] string? OwnerId = null,
    ExportKind? Kind = null,
    bool IncludeArchived = false,
    [property: StringLength(64), SingleLine] string? SortBy = null,
    bool Descending = false,
    int Page = 0,
    int PageSize = 25);
