using Hangfire;
using Hangfire.Storage;

namespace Portal.Jobs;

/// <summary>
/// A lock every node sharing the job storage honours (Hangfire's distributed lock: an app lock on SQL
/// Server, a lock row on PostgreSQL, a monitor in memory). Released on dispose, from any thread.
/// </summary>
internal static class DistributedLocks
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(1);

    public static IDisposable Acquire(JobStorage storage, string resource, TimeSpan? timeout = null)
    {
        var connection = storage.GetConnection();
        try
        {
            return new Held(connection, connection.AcquireDistributedLock(resource, timeout ?? DefaultTimeout));
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private sealed class Held(IStorageConnection connection, IDisposable handle) : IDisposable
    {
        public void Dispose()
        {
            handle.Dispose();
            connection.Dispose();
        }
    }
}
