using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace Portal.Jobs;

/// <summary>
/// Hangfire keeps its log provider in a static. When several hosts share a process (the tests do), the last
/// one to configure Hangfire wins; if it is disposed first, every other host's Hangfire would fail creating a
/// logger. This provider stops logging instead of failing a job enqueue over a log line.
/// </summary>
internal sealed class ResilientLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return _inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
