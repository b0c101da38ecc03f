using System.Text.RegularExpressions;
using Docker.DotNet.Models;

namespace Portal.Domain.Images.Engine;

/// <summary>
/// Reads the JSON message stream of a pull, build or push. The engine reports most failures inside
/// that stream with HTTP 200 (the original ignored them and called the export a success), so the
/// first error is kept and the caller fails on it. Also keeps the last output lines for the person
/// reading the run, the pushed digest, and feeds byte counts to a <see cref="TransferMeter"/>.
/// </summary>
internal sealed partial class DockerOutput(int keepLines, TransferMeter? meter = null) : IProgress<JSONMessage>
{
    private readonly Queue<string> _tail = new();
    private readonly Lock _gate = new();

    public string? Error { get; private set; }

    /// <summary>The manifest digest a push reported (Docker's aux record, or podman's status line).</summary>
    public string? Digest { get; private set; }

    public IReadOnlyList<string> Tail { get { lock (_gate) return _tail.ToList(); } }

    public void Report(JSONMessage value)
    {
        lock (_gate)
        {
            meter?.Observe(value);
            if ((value.Error?.Message ?? value.ErrorMessage) is { Length: > 0 } error)
            {
                Error ??= error.Trim();
                Keep("ERROR: " + error);
            }
            if (value.Stream is { Length: > 0 } stream) Keep(stream);
            if (value.Status is { Length: > 0 } status && value.Progress is not { Total: > 0 }) Keep(value.ID is null ? status : $"{value.ID}: {status}");
            if (value.Aux?.ExtensionData is { } aux && aux.TryGetValue("Digest", out var d) && d?.ToString() is { Length: > 0 } digest)
                Digest = digest;
            else if (value.Status is { } s && PushedDigest().Match(s) is { Success: true } m)
                Digest ??= m.Groups[1].Value;
        }
    }

    private void Keep(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.TrimEnd();
            if (trimmed.Length == 0) continue;
            _tail.Enqueue(trimmed);
            while (_tail.Count > keepLines) _tail.Dequeue();
        }
    }

    // "{tag}: digest: sha256:… size: N": Docker prints it next to its aux record, podman 4 prints only this line.
    [GeneratedRegex(@"digest: (sha256:[0-9a-f]{64})", RegexOptions.CultureInvariant)]
    private static partial Regex PushedDigest();
}
