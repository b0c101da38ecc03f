namespace Portal.Audit;

/// <summary>
/// The browser's address for a page running on the server: a circuit outlives the request that opened it, so the
/// address of its connection is kept when the connection comes up (<c>PageCaller</c> records it).
/// </summary>
public sealed class CircuitAddress
{
    public string? Value { get; internal set; }
}
