using System.Collections.Concurrent;

namespace Portal.Testbed.Domino;

/// <summary>Switches that make the Domino double misbehave the ways the real one does.</summary>
public sealed class DominoFaults
{
    private readonly ConcurrentQueue<Fault> _faults = new();
    private readonly ConcurrentDictionary<string, long> _blobThrottles = new();

    /// <summary>Blob downloads are throttled to this many bytes per second (0 = full speed).</summary>
    public long BlobBytesPerSecond { get; set; }

    /// <summary>Downloads of this one blob are throttled to <paramref name="bytesPerSecond"/> (0 = full speed again).</summary>
    public void ThrottleBlob(string blobKey, long bytesPerSecond)
    {
        if (bytesPerSecond > 0) _blobThrottles[blobKey] = bytesPerSecond;
        else _blobThrottles.TryRemove(blobKey, out _);
    }

    /// <summary>Every request waits this long before it is answered.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>The next <paramref name="times"/> requests whose path contains <paramref name="pathContains"/> get this answer.</summary>
    public void Fail(string pathContains, int times = 1, int status = 500, string body = "Internal Server Error") =>
        _faults.Enqueue(new Fault(pathContains, status, body, times));

    /// <summary>The next <paramref name="times"/> downloads of this blob break off after <paramref name="afterBytes"/> bytes.</summary>
    public void CutBlob(string blobKey, long afterBytes, int times = 1) =>
        _faults.Enqueue(new Fault("/blobs/" + blobKey, 0, "", times, afterBytes));

    public void Clear()
    {
        _faults.Clear();
        _blobThrottles.Clear();
        BlobBytesPerSecond = 0;
        Latency = TimeSpan.Zero;
    }

    internal long BytesPerSecondFor(string blobKey) =>
        _blobThrottles.TryGetValue(blobKey, out var limit) ? limit : BlobBytesPerSecond;

    internal Fault? Take(string path, bool cut)
    {
        foreach (var f in _faults)
            if ((f.CutAfter is not null) == cut && path.Contains(f.PathContains, StringComparison.Ordinal) && f.TryUse())
                return f;
        return null;
    }

    internal sealed class Fault(string pathContains, int status, string body, int times, long? cutAfter = null)
    {
        private int _left = times;
        public string PathContains { get; } = pathContains;
        public int Status { get; } = status;
        public string Body { get; } = body;
        public long? CutAfter { get; } = cutAfter;
        public bool TryUse() => Interlocked.Decrement(ref _left) >= 0;
    }
}
