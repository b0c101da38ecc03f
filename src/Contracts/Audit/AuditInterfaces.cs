namespace Portal.Contracts.Audit;

/// <summary>Through which interface a change came: a page in the browser, <c>/api</c> (a script), <c>/v1</c>, or the portal itself.</summary>
public static class AuditInterfaces
{
    public const string Page = "page";
    public const string Api = "api";
    public const string V1 = "v1";
    public const string System = "system";

    /// <summary>The header the pages' WebAssembly clients send, so their <c>/api</c> calls count as the page.</summary>
    public const string PageHeader = "X-Portal-Page";
}
