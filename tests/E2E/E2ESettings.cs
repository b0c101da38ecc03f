using Microsoft.Playwright;

namespace Portal.Tests.E2E;

public static class E2ESettings
{
    /// <summary>
    /// The machine is small and shared: give assertions room before calling a slow page a failure. 30 s: under the full
    /// suite (build, integration tests and several portals and browsers on two cores) 15 s was seen to run out.
    /// </summary>
    public static void Apply() => Assertions.SetDefaultExpectTimeout(30_000);
}
