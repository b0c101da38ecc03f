using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Portal.Runs;

/// <summary>
/// Run endings this node could not record because its database was away: one small JSON file each under
/// <c>{Portal:DataPath}/run-journal</c>, written whole (temp file, then rename), recorded and removed when the
/// database returns (<see cref="RunJournalReplayer"/>, and at start-up before this node's runs are recovered). An ending
/// the disk cannot take either (a full disk) is held in memory until it can be written or recorded.
/// </summary>
internal sealed partial class RunJournal(IOptions<PortalOptions> portal, ILogger<RunJournal> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ConcurrentDictionary<long, RunEnding> _inMemory = new();

    private string Folder => Path.Combine(portal.Value.DataPath, "run-journal");

    /// <summary>Endings waiting for the database.</summary>
    public int Pending => _inMemory.Count + (Directory.Exists(Folder) ? Directory.EnumerateFiles(Folder, "run-*.json").Count() : 0);

    public void Save(RunEnding ending)
    {
        try
        {
            Write(ending);
            _inMemory.TryRemove(ending.RunId, out _);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _inMemory[ending.RunId] = ending;
            LogNotWritten(logger, e, ending.RunId);
        }
    }

    public IReadOnlyList<RunEnding> Load()
    {
        var endings = new Dictionary<long, RunEnding>(_inMemory);
        if (Directory.Exists(Folder))
            foreach (var file in Directory.EnumerateFiles(Folder, "run-*.json"))
            {
                try
                {
                    if (JsonSerializer.Deserialize<RunEnding>(File.ReadAllText(file), Json) is { } ending) endings.TryAdd(ending.RunId, ending);
                }
                catch (Exception e) when (e is IOException or JsonException)
                {
                    LogUnreadable(logger, e, file);
                }
            }
        return endings.Values.OrderBy(e => e.RunId).ToList();
    }

    /// <summary>The ending is recorded: its file goes (and an ending held in memory for want of disk space).</summary>
    public void Remove(long runId)
    {
        _inMemory.TryRemove(runId, out _);
        File.Delete(PathOf(runId));
    }

    /// <summary>Endings held in memory are written to disk once there is room again.</summary>
    public void Persist()
    {
        foreach (var ending in _inMemory.Values) Save(ending);
    }

    private void Write(RunEnding ending)
    {
        Directory.CreateDirectory(Folder);
        var path = PathOf(ending.RunId);
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(ending, Json));
        File.Move(temp, path, overwrite: true);
    }

    private string PathOf(long runId) => Path.Combine(Folder, $"run-{runId}.json");

    [LoggerMessage(Level = LogLevel.Error,
        Message = "The ending of run {RunId} could not be written to the local journal either; it is kept in memory and recorded when the database returns")]
    private static partial void LogNotWritten(ILogger logger, Exception exception, long runId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Journal file {File} cannot be read; it is left where it is")]
    private static partial void LogUnreadable(ILogger logger, Exception exception, string file);
}
