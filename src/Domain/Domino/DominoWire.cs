using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Domain.Domino;

// The JSON shapes Domino answers with (the fields the export reads), as the original service read them.
internal sealed record PrincipalDto(bool IsAnonymous, string? CanonicalName, string? CanonicalId, bool IsAdmin);

internal sealed record ProjectDto(string Id, string Name, string? OwnerUsername, List<string>? AllowedOperations);

internal sealed record CommitDto(string Id, JsonElement CommitTime);

internal sealed record FilePathDto(string CanonicalizedPathString);

internal sealed record FileDto(FilePathDto? Path, string? Key, long Size);

internal sealed record V2EnvironmentDetailsDto(int? SelectedRevision);

internal sealed record SelectedEnvironmentDto(string? Id, V2EnvironmentDetailsDto? V2EnvironmentDetails);

internal sealed record UseableEnvironmentsDto(SelectedEnvironmentDto? CurrentlySelectedEnvironment);

internal sealed record EnvironmentDto(string Id, string? Name);

internal sealed record EnvironmentListDto(List<EnvironmentDto>? Data);

internal sealed record RevisionDto(int Number, string? DockerImageName);

internal sealed record EnvironmentJsonDto(List<RevisionDto>? Revisions);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(PrincipalDto))]
[JsonSerializable(typeof(ProjectDto))]
[JsonSerializable(typeof(List<CommitDto>), TypeInfoPropertyName = "ListCommitDto")]
[JsonSerializable(typeof(List<FileDto>), TypeInfoPropertyName = "ListFileDto")]
[JsonSerializable(typeof(UseableEnvironmentsDto))]
[JsonSerializable(typeof(EnvironmentListDto))]
[JsonSerializable(typeof(EnvironmentJsonDto))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class DominoJson : JsonSerializerContext;
