using Xunit.Abstractions;

[assembly: TestCollectionOrderer("Portal.Tests.E2E.ClockBoundFirst", "Portal.Tests.E2E")]

namespace Portal.Tests.E2E;

/// <summary>
/// Starts the test classes that mostly wait for the clock (a per-minute schedule, a per-minute stamp check) first, so their waiting
/// overlaps the others instead of adding to the end of the run; the rest keep xunit's order.
/// </summary>
public sealed class ClockBoundFirst : ITestCollectionOrderer
{
    private static readonly string[] ClockBound = ["ExportScheduleTests", "SingleSignOnTests"];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(c => ClockBound.Any(name => c.DisplayName.Contains(name, StringComparison.Ordinal)) ? 0 : 1)
            .ThenBy(c => c.UniqueID);
}
