using System.ComponentModel.DataAnnotations;
using Portal.Contracts.Shared;

namespace Portal.Contracts.Exports;

/// <summary>
/// The exports table's query: search, filters, sort and page (all done by the server). Outcome is one of succeeded,
/// failed, skipped, running, never, disabled or archived (only archived exports; the others leave them out unless
/// IncludeArchived).
/// </summary>
public sealed record ExportQuery(
    [property: StringLength(200, ErrorMessage = InputRules.TooLong), SingleLine, Display(Name = "Search")] string? Search = null,
    [property: StringLength(32, ErrorMessage = InputRules.TooLong), SingleLine, Display(Name = "Status filter")] string? Outcome = null,
    [property: StringLength(450, ErrorMessage = InputRules.TooLong), SingleLine, Display(Name = "Owner")] string? OwnerId = null,
    ExportKind? Kind = null,
    bool IncludeArchived = false,
    [property: StringLength(64, ErrorMessage = InputRules.TooLong), SingleLine, Display(Name = "Sort by")] string? SortBy = null,
    bool Descending = false,
    int Page = 0,
    int PageSize = 25);
