namespace Portal.V1;

/// <summary>The v1 API's failure answers, in the original's shape.</summary>
internal static class V1Answers
{
    public static string NotSetUp(string what) => $"The v1 API is not set up: an admin must choose {what} (Administration, Connections, v1 API settings)";

    public static V1Answer Failed(V1Body? body, int status, string message, string? hint = null) =>
        new(status, new V1ExportResponse(false, body?.Message([message]) ?? message, null, null, hint));

    public static V1Answer Archive(V1Answer failed) => failed.Body is V1ExportResponse refusal
        ? new(failed.Status, new V1ArchiveResponse(false, refusal.Message, null, refusal.Hint))
        : failed;
}
