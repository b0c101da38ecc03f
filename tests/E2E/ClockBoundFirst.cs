using Xunit.Abstractions;

[assembly: TestCollectionOrderer("Portal.Tests.E2E.ClockBoundFirst", "Portal.Tests.E2E")]

namespace Portal.Tests.E2E;

/// <summary>
/// Starts the test classes that mostly wait for the clock (a per-minute schedule, two minute ticks on three nodes, a frozen
/// worker's lease running out, a per-minute stamp check) first, so their waiting overlaps the others' work (and the
/// integration tests beside them) instead of adding to the end of the run; the rest keep xunit's order.
/// </summary>
public sealed class ClockBoundFirst : ITestCollectionOrderer
{
    private static readonly string[] ClockBound = ["ExportScheduleTests", "ScaleOutTests", "FrozenWorkerTests", "SingleSignOnTests"];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(Rank).ThenBy(c => c.UniqueID);

    private static int Rank(ITestCollection collection)
    {
        var index = Array.FindIndex(ClockBound, name => collection.DisplayName.Contains(name, StringComparison.Ordinal));
        return index < 0 ? ClockBound.Length : index;
    }
}
