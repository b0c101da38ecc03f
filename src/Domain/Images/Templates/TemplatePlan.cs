using System.Text.Json;

namespace Portal.Domain.Images.Templates;

/// <summary>How an image export produces its image.</summary>
public enum ImageExportPath
{
    /// <summary>Copied registry to registry; a metadata-only template is applied by writing a new config and manifest.</summary>
    Registry,

    /// <summary>Pulled, built and pushed by a Docker engine (templates with RUN, COPY, ADD …).</summary>
    Engine,
}

/// <summary>
/// Which path a template takes, with the reason a person reads on the templates page and in the export
/// editor, and (for the registry path) the instructions to apply after <c>FROM</c>.
/// </summary>
public sealed record TemplatePlan(ImageExportPath Path, string Reason, IReadOnlyList<DockerfileInstruction> Instructions, char Escape)
{
    /// <summary>Instructions a registry copy applies exactly as a build would, and what each one sets (for the reason text).</summary>
    private static readonly Dictionary<string, string> Applied = new(StringComparer.Ordinal)
    {
        ["LABEL"] = "labels", ["ENV"] = "environment", ["USER"] = "the user", ["WORKDIR"] = "the working directory",
        ["ENTRYPOINT"] = "the entrypoint", ["CMD"] = "the command", ["EXPOSE"] = "exposed ports",
        ["STOPSIGNAL"] = "the stop signal", ["ARG"] = "build arguments",
    };

    private static readonly HashSet<string> NeedsFiles = ["RUN", "COPY", "ADD"];

    // Build arguments that describe the machine doing the build: a registry copy has none.
    private static readonly HashSet<string> BuildMachineArgs = ["BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT"];

    public static TemplatePlan For(DockerTemplate template)
    {
        var file = DockerfileReader.Read(template.Text);
        if (file.Directives.TryGetValue("syntax", out var syntax) && !IsStandardFrontend(syntax))
            return Engine($"its # syntax={syntax} line selects another Dockerfile frontend", file.Escape);

        var after = file.Instructions.Skip(1).ToList(); // the first is FROM {DOMINO_DOCKER_IMAGE} (DockerTemplate checked it)
        foreach (var instruction in after)
        {
            if (Refusal(instruction, file.Escape) is { } reason) return Engine(reason, file.Escape);
        }
        if (after.Count == 0)
            return new TemplatePlan(ImageExportPath.Registry, "only names the environment's image: copied registry to registry", after, file.Escape);
        var sets = after.Select(i => Applied[i.Keyword]).Distinct().ToList();
        var list = sets.Count == 1 ? sets[0] : string.Join(", ", sets[..^1]) + " and " + sets[^1];
        return new TemplatePlan(ImageExportPath.Registry, $"only sets {list}: copied registry to registry", after, file.Escape);
    }

    private static TemplatePlan Engine(string reason, char escape) => new(ImageExportPath.Engine, reason, [], escape);

    private static string? Refusal(DockerfileInstruction i, char escape)
    {
        var where = $"{i.Keyword} on line {i.Line}";
        if (NeedsFiles.Contains(i.Keyword)) return $"{where} needs a build engine";
        if (i.Keyword == "FROM") return $"a second FROM on line {i.Line} (a multi-stage build) needs a build engine";
        if (!Applied.ContainsKey(i.Keyword)) return $"{where} is only applied by a build engine";
        if (i.Arguments.StartsWith("--", StringComparison.Ordinal)) return $"{where} has a flag, which only a build engine applies";
        if (i.Arguments.Length == 0 && i.Keyword is not ("CMD" or "ENTRYPOINT")) return $"{where} has no arguments (a build would fail on it)";
        try
        {
            CheckWords(i, escape);
        }
        catch (UnsupportedWordException e)
        {
            return $"{where}: {e.Message}";
        }
        return null;
    }

    /// <summary>Expands every word once with no variables set, so syntax a copy cannot apply is found before the run.</summary>
    private static void CheckWords(DockerfileInstruction i, char escape)
    {
        var none = new Dictionary<string, string>();
        switch (i.Keyword)
        {
            case "CMD" or "ENTRYPOINT":
                JsonElement exec;
                try
                {
                    exec = JsonSerializer.Deserialize<JsonElement>(i.Arguments);
                }
                catch (JsonException)
                {
                    return; // not JSON: the shell form, which is not expanded
                }
                if (exec.ValueKind == JsonValueKind.Array && exec.EnumerateArray().Any(a => a.ValueKind != JsonValueKind.String))
                    throw new UnsupportedWordException("its JSON array holds something other than strings (a build would fail on it)");
                return;
            case "ARG":
                foreach (var word in ShellWords.Split(i.Arguments, escape))
                {
                    var name = word.Split('=', 2)[0];
                    if (BuildMachineArgs.Contains(name)) throw new UnsupportedWordException($"{name} describes the build machine, and a copy has none");
                    ShellWords.Expand(word, none, escape);
                }
                return;
            case "ENV" or "LABEL":
                foreach (var (key, value) in MetadataArguments.Pairs(i, escape))
                {
                    ShellWords.Expand(key, none, escape);
                    ShellWords.Expand(value, none, escape);
                }
                return;
            case "EXPOSE":
                foreach (var word in i.Arguments.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
                {
                    var port = ShellWords.Expand(word, none, escape);
                    if (!word.Contains('$', StringComparison.Ordinal)) _ = MetadataArguments.Ports(port).ToList();
                }
                return;
            case "STOPSIGNAL":
                var signal = ShellWords.Expand(i.Arguments, none, escape);
                if (!i.Arguments.Contains('$', StringComparison.Ordinal) && !MetadataArguments.IsSignal(signal))
                    throw new UnsupportedWordException($"'{signal}' is not a signal (a build would fail on it)");
                return;
            default:
                ShellWords.Expand(i.Arguments, none, escape);
                return;
        }
    }

    private static bool IsStandardFrontend(string syntax)
    {
        var name = syntax.Split('@')[0].Split(':')[0];
        return name is "docker/dockerfile" or "docker.io/docker/dockerfile";
    }
}
