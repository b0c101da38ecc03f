namespace Portal.Contracts.Exports;

/// <summary>
/// What an export's filters keep of its project's current commit, before saving: files and bytes kept of all.
/// <see cref="Error"/> says why it could not be counted (no key, Domino did not answer, the project has no commit).
/// </summary>
public sealed record FilterPreview(string? CommitId, int FilesKept, int FilesTotal, long BytesKept, long BytesTotal, string? Error = null);
