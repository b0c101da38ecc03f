using Microsoft.Playwright;

namespace Portal.Tests.E2E;

public static class E2ESettings
{
    /// <summary>The machine is small and shared: give assertions room before calling a slow page a failure.</summary>
    public static void Apply() => Assertions.SetDefaultExpectTimeout(15_000);
}
