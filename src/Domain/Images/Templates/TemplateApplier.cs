using Portal.Contracts.Runs;
using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Domain.Images.Registry;
using Portal.Domain.Runs;

namespace Portal.Domain.Images.Templates;

/// <summary>
/// Applies a metadata-only template to an image config, as a Docker build of it would: the same
/// fields set, the same variable expansion (the base image's environment, then ARG and ENV in order,
/// each instruction expanded against what came before it), and a history entry per instruction
/// marked as adding no layer. Every other field of the config is kept as it was. The config keeps the
/// base image's creation time, so one revision and template always give the same digest.
/// </summary>
public static class TemplateApplier
{
    public const string HistoryComment = "applied without a build by the image export";

    private static readonly Dictionary<string, string> TargetArgs = new(StringComparer.Ordinal)
    {
        ["TARGETPLATFORM"] = "platform", ["TARGETOS"] = "os", ["TARGETARCH"] = "architecture", ["TARGETVARIANT"] = "variant",
    };

    /// <summary>The new config's bytes. Throws <see cref="ExportException"/> (117) for a value a build would also refuse.</summary>
    public static byte[] Apply(TemplatePlan plan, ReadOnlySpan<byte> configJson)
    {
        var root = JsonNode.Parse(configJson)?.AsObject() ?? throw new JsonException("the image config is not a JSON object");
        if (root["config"] is not JsonObject config) root["config"] = config = new JsonObject();
        var os = root["os"]?.GetValue<string>() ?? "linux";
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in Strings(config["Env"]))
        {
            var eq = e.IndexOf('=', StringComparison.Ordinal);
            variables[eq < 0 ? e : e[..eq]] = eq < 0 ? "" : e[(eq + 1)..];
        }
        var history = new List<string>();
        var cmdSet = false;
        foreach (var i in plan.Instructions)
        {
            try
            {
                history.Add(Apply(i, plan.Escape, root, config, variables, os, ref cmdSet));
            }
            catch (UnsupportedWordException e)
            {
                throw new ExportException(StatusCode.DockerTemplateError, $"{i.Keyword} on line {i.Line} of the Dockerfile template: {e.Message}");
            }
        }
        if (root["history"] is JsonArray entries)
        {
            // Only where the base keeps a history: entries with no layer added to an image without one would not match its layers.
            var created = root["created"]?.DeepClone();
            foreach (var line in history)
                entries.Add(new JsonObject
                {
                    ["created"] = created?.DeepClone(), ["created_by"] = line, ["comment"] = HistoryComment, ["empty_layer"] = true,
                });
        }
        return JsonSerializer.SerializeToUtf8Bytes(root, JsonOptions.Compact);
    }

    private static string Apply(DockerfileInstruction i, char escape, JsonObject root, JsonObject config, Dictionary<string, string> variables,
        string os, ref bool cmdSet)
    {
        string Expand(string word) => ShellWords.Expand(word, variables, escape);
        switch (i.Keyword)
        {
            case "ARG":
                var declared = new List<string>();
                foreach (var word in ShellWords.Split(i.Arguments, escape))
                {
                    var eq = word.IndexOf('=', StringComparison.Ordinal);
                    var name = eq < 0 ? word : word[..eq];
                    var value = eq >= 0 ? Expand(word[(eq + 1)..]) : TargetValue(name, root);
                    if (value is not null) variables[name] = value;
                    declared.Add(value is null ? name : $"{name}={value}");
                }
                return "ARG " + string.Join(' ', declared);
            case "ENV" or "LABEL":
                // Every pair is expanded against the variables from before the instruction, as Docker does.
                var pairs = MetadataArguments.Pairs(i, escape).Select(p => (Key: Expand(p.Key), Value: Expand(p.Value))).ToList();
                foreach (var (key, value) in pairs)
                {
                    if (i.Keyword == "ENV")
                    {
                        variables[key] = value;
                        config["Env"] = SetEnv(Strings(config["Env"]), key, value);
                    }
                    else
                    {
                        if (config["Labels"] is not JsonObject labels) config["Labels"] = labels = new JsonObject();
                        labels[key] = value;
                    }
                }
                return i.Keyword + string.Concat(pairs.Select(p => $" {p.Key}={p.Value}"));
            case "USER":
                config["User"] = Expand(i.Arguments);
                return $"USER {config["User"]}";
            case "WORKDIR":
                var directory = Expand(i.Arguments);
                var current = config["WorkingDir"]?.GetValue<string>() ?? "";
                config["WorkingDir"] = CleanPath(directory.StartsWith('/') ? directory : $"/{current}/{directory}");
                return $"WORKDIR {config["WorkingDir"]}";
            case "EXPOSE":
                if (config["ExposedPorts"] is not JsonObject exposed) config["ExposedPorts"] = exposed = new JsonObject();
                var ports = i.Arguments.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)
                    .SelectMany(w => Expand(w).Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
                    .SelectMany(MetadataArguments.Ports).ToList();
                foreach (var port in ports) exposed[port] = new JsonObject();
                return "EXPOSE " + string.Join(' ', ports);
            case "STOPSIGNAL":
                var signal = Expand(i.Arguments);
                if (!MetadataArguments.IsSignal(signal)) throw new UnsupportedWordException($"'{signal}' is not a signal (a build would fail on it)");
                config["StopSignal"] = signal;
                return $"STOPSIGNAL {signal}";
            case "CMD" or "ENTRYPOINT":
                var command = MetadataArguments.Command(i.Arguments, Shell(config, os));
                config[i.Keyword == "CMD" ? "Cmd" : "Entrypoint"] = new JsonArray(command.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray());
                if (i.Keyword == "CMD") cmdSet = true;
                // An ENTRYPOINT drops the base image's CMD, but not one this template set before it.
                else if (!cmdSet) config["Cmd"] = null;
                return $"{i.Keyword} {JsonSerializer.Serialize(command, JsonOptions.Compact)}";
            default:
                throw new InvalidOperationException($"{i.Keyword} is not a metadata instruction"); // TemplatePlan never lets one through
        }
    }

    private static IReadOnlyList<string> Shell(JsonObject config, string os)
    {
        var shell = Strings(config["Shell"]);
        return shell.Count > 0 ? shell : os == "windows" ? ["cmd", "/S", "/C"] : ["/bin/sh", "-c"];
    }

    /// <summary>TARGETOS, TARGETARCH … declared without a value take the platform of the image being written, as in a build for it.</summary>
    private static string? TargetValue(string name, JsonObject root)
    {
        if (!TargetArgs.TryGetValue(name, out var field)) return null;
        string Get(string f) => root[f]?.GetValue<string>() ?? "";
        if (field != "platform") return Get(field);
        var variant = Get("variant");
        return $"{Get("os")}/{Get("architecture")}" + (variant.Length > 0 ? "/" + variant : "");
    }

    private static JsonArray SetEnv(IReadOnlyList<string> env, string key, string value)
    {
        var list = env.ToList();
        var index = list.FindIndex(e => e == key || e.StartsWith(key + "=", StringComparison.Ordinal));
        if (index >= 0) list[index] = $"{key}={value}";
        else list.Add($"{key}={value}");
        return new JsonArray(list.Select(e => (JsonNode?)JsonValue.Create(e)).ToArray());
    }

    private static IReadOnlyList<string> Strings(JsonNode? node) =>
        node is JsonArray a ? a.Select(n => n?.GetValue<string>() ?? "").ToList() : [];

    /// <summary>Go's path.Clean for absolute paths: no empty, "." or ".." parts.</summary>
    private static string CleanPath(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part is "" or ".") continue;
            if (part == "..")
            {
                if (parts.Count > 0) parts.RemoveAt(parts.Count - 1);
            }
            else parts.Add(part);
        }
        return "/" + string.Join('/', parts);
    }
}
