using System.Buffers;

namespace Portal.Domain.S3;

/// <summary>
/// The memory a process spends on multipart uploads: at most <c>count</c> part buffers exist at once,
/// shared by every upload of every run, and they are pooled rather than reallocated per part.
/// </summary>
public sealed class PartBuffers(int partSize, int count)
{
    private readonly ArrayPool<byte> _pool = ArrayPool<byte>.Create(partSize, count);
    private readonly SemaphoreSlim _slots = new(count, count);

    public int PartSize => partSize;

    /// <summary>Waits for a free slot; larger-than-usual parts (huge files) are rented outside the pool.</summary>
    public async ValueTask<byte[]> RentAsync(int size, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        return _pool.Rent(size);
    }

    public void Return(byte[] buffer)
    {
        _pool.Return(buffer);
        _slots.Release();
    }
}
