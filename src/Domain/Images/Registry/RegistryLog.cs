using Microsoft.Extensions.Logging;

namespace Portal.Domain.Images.Registry;

/// <summary>What the registry copy logs (never a credential or a token).</summary>
internal static partial class RegistryLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Registry {Registry}: {Operation} failed ({Reason}) on try {Attempt}; trying again in {Wait}")]
    public static partial void Retrying(ILogger logger, string registry, string operation, string reason, int attempt, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registry {Registry} does not speak HTTPS ({Reason}); using plain HTTP, as allowed for it")]
    public static partial void PlainHttp(ILogger logger, string registry, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Registry {Registry}: blob {Digest} failed ({Reason}) on try {Attempt}; trying again in {Wait}")]
    public static partial void BlobRetry(ILogger logger, string registry, string digest, string reason, int attempt, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registry {Registry}: resuming blob {Digest} at byte {Offset} of {Size}")]
    public static partial void Resuming(ILogger logger, string registry, string digest, long offset, long size);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registry {Registry} refused {Digest} in chunks ({Reason}); sending it in one streamed PATCH")]
    public static partial void ChunksRefused(ILogger logger, string registry, string digest, string reason);
}
