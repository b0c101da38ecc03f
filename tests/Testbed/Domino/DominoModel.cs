using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Portal.Testbed.Domino;

public sealed record TestFile(string Path, TestContent Content);

public sealed record DominoUser(string Id, string UserName, string ApiKey);

public sealed record TestCommit(string Id, DateTimeOffset Time, IReadOnlyDictionary<string, TestFile> Files);

/// <summary>A project in the Domino double: its commits, collaborators and compute environment.</summary>
public sealed class TestProject(string id, DominoUser owner, string name)
{
    private readonly List<TestCommit> _commits = [];
    private readonly ConcurrentDictionary<string, bool> _collaborators = new(); // user id → may change settings
    private readonly ConcurrentDictionary<string, byte> _vanished = new();
    private readonly Lock _gate = new();

    public string Id { get; } = id;
    public DominoUser Owner { get; } = owner;
    public string Name { get; } = name;
    public (string EnvironmentId, int Revision)? Environment { get; private set; }

    public IReadOnlyList<TestCommit> Commits { get { lock (_gate) return _commits.ToList(); } }
    public TestCommit? Head { get { lock (_gate) return _commits.LastOrDefault(); } }

    /// <summary>Makes a new commit holding exactly these files.</summary>
    public TestCommit Commit(IEnumerable<TestFile> files)
    {
        lock (_gate)
        {
            var time = _commits.Count == 0 ? DateTimeOffset.UtcNow : _commits[^1].Time.AddSeconds(1);
            var commit = new TestCommit(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20)), time,
                files.ToDictionary(f => f.Path, StringComparer.Ordinal));
            _commits.Add(commit);
            return commit;
        }
    }

    public TestCommit Commit(params TestFile[] files) => Commit(files.AsEnumerable());

    /// <summary>A new commit from the head's files with some added/changed and some removed.</summary>
    public TestCommit Change(IEnumerable<TestFile>? upsert = null, IEnumerable<string>? delete = null)
    {
        var files = (Head?.Files.Values ?? []).ToDictionary(f => f.Path, StringComparer.Ordinal);
        foreach (var path in delete ?? []) files.Remove(path);
        foreach (var f in upsert ?? []) files[f.Path] = f;
        return Commit(files.Values);
    }

    public void Grant(DominoUser user, bool canChangeSettings = true) => _collaborators[user.Id] = canChangeSettings;

    public void Revoke(DominoUser user) => _collaborators.TryRemove(user.Id, out _);

    public void SelectEnvironment(string environmentId, int revision) => Environment = (environmentId, revision);

    /// <summary>The file stays listed but its blob is gone (Domino then answers 500 NoSuchElementException).</summary>
    public void VanishBlob(string blobKey) => _vanished[blobKey] = 0;

    internal bool IsVanished(string blobKey) => _vanished.ContainsKey(blobKey);

    internal bool CanSee(DominoUser user) => user.Id == Owner.Id || _collaborators.ContainsKey(user.Id);

    internal IReadOnlyList<string> AllowedOperations(DominoUser user)
    {
        if (user.Id == Owner.Id || (_collaborators.TryGetValue(user.Id, out var admin) && admin))
            return ["ChangeProjectSettings", "Run", "Edit", "ViewRuns", "BrowseReadFiles"];
        return _collaborators.ContainsKey(user.Id) ? ["Run", "Edit", "ViewRuns", "BrowseReadFiles"] : [];
    }

    internal TestFile? FindBlob(string key)
    {
        lock (_gate)
            for (var i = _commits.Count - 1; i >= 0; i--)
                foreach (var f in _commits[i].Files.Values)
                    if (f.Content.Key == key) return f;
        return null;
    }
}

public sealed record TestRevision(int Number, string? DockerImageName);

/// <summary>A compute environment in the Domino double.</summary>
public sealed class TestEnvironment(string id, string name)
{
    private readonly List<TestRevision> _revisions = [];
    private readonly ConcurrentDictionary<string, byte> _deniedUsers = new();

    public string Id { get; } = id;
    public string Name { get; } = name;

    public IReadOnlyList<TestRevision> Revisions { get { lock (_revisions) return _revisions.ToList(); } }

    public TestRevision AddRevision(string? dockerImageName)
    {
        lock (_revisions)
        {
            var revision = new TestRevision(_revisions.Count + 1, dockerImageName);
            _revisions.Add(revision);
            return revision;
        }
    }

    /// <summary>Domino then answers "Not authorized: User … is not allowed to view environment …".</summary>
    public void Deny(DominoUser user) => _deniedUsers[user.Id] = 0;

    internal bool IsDenied(DominoUser user) => _deniedUsers.ContainsKey(user.Id);
}
