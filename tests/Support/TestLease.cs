using Portal.Domain.Runs;

namespace Portal.Tests.Support;

/// <summary>A lease the test ends when it wants, counting the confirmations the engine asked for.</summary>
public sealed class TestLease(bool confirms = true) : IRunLease
{
    private int _confirmations;

    public volatile bool Held = true;

    public int Confirmations => Volatile.Read(ref _confirmations);

    public bool IsHeld => Held;

    public Task ConfirmAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _confirmations);
        return confirms && Held ? Task.CompletedTask : throw new RunLeaseException("The claim could not be confirmed", lost: !confirms);
    }
}
