using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Portal.Contracts.Runs;

namespace Portal.Domain.Domino;

/// <summary>
/// The Domino API calls the exports need, for one deployment and one API key. Values are URL-encoded,
/// failures are mapped to the original's codes (<see cref="DominoErrors"/>), and transient faults
/// (5xx, 429, timeouts) are retried by the resilience pipeline underneath (<see cref="DependencyInjection"/>).
/// </summary>
public sealed class DominoClient(HttpClient http, string apiKey)
{
    public const string ApiKeyHeader = "X-Domino-Api-Key";

    public Uri BaseAddress => http.BaseAddress!;

    /// <summary>Domino answers <c>/version</c> with JSON when it is up (the original's health check).</summary>
    public async Task<JsonElement> GetVersionAsync(CancellationToken cancellationToken) =>
        await GetJsonAsync("/version", DominoEndpoint.Version, DominoJson.Default.JsonElement, "the version", cancellationToken);

    /// <summary>Who the key belongs to; throws 132 when Domino treats the key as anonymous.</summary>
    public async Task<DominoPrincipal> GetPrincipalAsync(CancellationToken cancellationToken)
    {
        var dto = await GetJsonAsync("/v4/auth/principal", DominoEndpoint.Principal, DominoJson.Default.PrincipalDto,
            "the API key's principal", cancellationToken);
        if (dto.IsAnonymous)
            throw new DominoException(StatusCode.APIUnauthorized, "Domino does not recognise this API key", HttpStatusCode.OK,
                "GET /v4/auth/principal answered isAnonymous: true");
        return new DominoPrincipal(dto.CanonicalName, dto.CanonicalId, dto.IsAnonymous, dto.IsAdmin);
    }

    public async Task<DominoProject> FindProjectAsync(string ownerName, string projectName, CancellationToken cancellationToken)
    {
        var path = $"/v4/gateway/projects/findProjectByOwnerAndName?ownerName={Q(ownerName)}&projectName={Q(projectName)}";
        var dto = await GetJsonAsync(path, DominoEndpoint.FindProject, DominoJson.Default.ProjectDto,
            $"project {ownerName}/{projectName}", cancellationToken);
        return ToProject(dto, ownerName);
    }

    /// <summary>
    /// The projects this key can see, to pick from when defining an export. The list's fields vary by Domino
    /// version (<see cref="ProjectListReader"/>); whether the key may export a project is known for certain
    /// only from <see cref="FindProjectAsync"/>.
    /// </summary>
    public async Task<IReadOnlyList<DominoListedProject>> ListProjectsAsync(CancellationToken cancellationToken)
    {
        var root = await GetJsonAsync("/v4/gateway/projects?showCompleted=false", DominoEndpoint.ListProjects,
            DominoJson.Default.JsonElement, "the project list", cancellationToken);
        try
        {
            return ProjectListReader.Read(root);
        }
        catch (JsonException e)
        {
            throw new DominoException(StatusCode.DominoAPIError, "Domino answered the project list with something that is not a list of projects",
                HttpStatusCode.OK, e.Message, e);
        }
    }

    /// <summary>The newest commit (highest commit time), or null for a project without commits.</summary>
    public async Task<DominoCommit?> GetHeadCommitAsync(string projectId, CancellationToken cancellationToken) =>
        (await ListCommitsAsync(projectId, cancellationToken)).OrderByDescending(c => c.CommitTime).FirstOrDefault();

    /// <summary>The project's commit <paramref name="commitId"/>, or null when the project no longer has it.</summary>
    public async Task<DominoCommit?> FindCommitAsync(string projectId, string commitId, CancellationToken cancellationToken) =>
        (await ListCommitsAsync(projectId, cancellationToken)).FirstOrDefault(c => c.Id == commitId);

    private async Task<IEnumerable<DominoCommit>> ListCommitsAsync(string projectId, CancellationToken cancellationToken) =>
        (await GetJsonAsync($"/v4/projects/{P(projectId)}/commits", DominoEndpoint.Commits,
            DominoJson.Default.ListCommitDto, "the project's commits", cancellationToken))
        .Select(d => new DominoCommit(d.Id, ParseTime(d.CommitTime)));

    /// <summary>
    /// Every file at a commit. Listing by commit id rather than "head" keeps the list and the commit
    /// consistent (the original listed head and the commits separately, which raced with new commits).
    /// Directory entries (no blob key) are left out.
    /// </summary>
    public async Task<IReadOnlyList<DominoFile>> ListFilesAsync(string projectId, string commitId, CancellationToken cancellationToken)
    {
        var dtos = await GetJsonAsync($"/v4/projects/{P(projectId)}/commits/{P(commitId)}/files//", DominoEndpoint.Files,
            DominoJson.Default.ListFileDto, $"the files at commit {commitId}", cancellationToken);
        return dtos
            .Where(d => !string.IsNullOrEmpty(d.Key) && !string.IsNullOrEmpty(d.Path?.CanonicalizedPathString))
            .Select(d => new DominoFile(d.Path!.CanonicalizedPathString.TrimStart('/'), d.Key!, d.Size))
            .ToList();
    }

    /// <summary>Opens a file's content as a stream; nothing is buffered. Dispose the result to release the connection.</summary>
    public async Task<DominoBlob> OpenBlobAsync(DominoProject project, DominoFile file, CancellationToken cancellationToken)
    {
        var path = $"/v1/projects/{P(project.OwnerName)}/{P(project.Name)}/blobs/{P(file.Key)}";
        var response = await SendAsync(path, DominoEndpoint.Blob, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw await FailAsync(response, DominoEndpoint.Blob, $"file '{file.Path}'", cancellationToken);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return new DominoBlob(response, stream, response.Content.Headers.ContentLength);
    }

    public async Task<EnvironmentSelection> GetProjectEnvironmentAsync(string projectId, CancellationToken cancellationToken)
    {
        var dto = await GetJsonAsync($"/v4/projects/{P(projectId)}/useableEnvironments", DominoEndpoint.ProjectEnvironment,
            DominoJson.Default.UseableEnvironmentsDto, "the project's compute environment", cancellationToken);
        var selected = dto.CurrentlySelectedEnvironment;
        if (selected?.Id is not { Length: > 0 } id || selected.V2EnvironmentDetails?.SelectedRevision is not { } revision)
            throw new DominoException(StatusCode.DominoEnvironmentNotFound,
                "The project has no compute environment revision selected", HttpStatusCode.OK);
        return new EnvironmentSelection(id, revision);
    }

    public async Task<IReadOnlyList<DominoEnvironment>> ListEnvironmentsAsync(CancellationToken cancellationToken)
    {
        var dto = await GetJsonAsync("/v1/environments", DominoEndpoint.Environments, DominoJson.Default.EnvironmentListDto,
            "the environment list", cancellationToken);
        return (dto.Data ?? []).Select(e => new DominoEnvironment(e.Id, e.Name ?? "")).ToList();
    }

    public async Task<IReadOnlyList<EnvironmentRevision>> GetEnvironmentRevisionsAsync(string environmentId, CancellationToken cancellationToken)
    {
        var dto = await GetJsonAsync($"/environments/{P(environmentId)}/json", DominoEndpoint.EnvironmentRevisions,
            DominoJson.Default.EnvironmentJsonDto, $"environment {environmentId}", cancellationToken);
        return (dto.Revisions ?? []).Select(r => new EnvironmentRevision(r.Number, r.DockerImageName)).ToList();
    }

    private async Task<T> GetJsonAsync<T>(string path, DominoEndpoint endpoint, JsonTypeInfo<T> type, string what,
        CancellationToken cancellationToken)
    {
        using var response = await SendAsync(path, endpoint, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw await FailAsync(response, endpoint, what, cancellationToken);
        try
        {
            var value = await response.Content.ReadFromJsonAsync(type, cancellationToken);
            return value ?? throw new JsonException("empty body");
        }
        catch (JsonException e)
        {
            throw new DominoException(StatusCode.DominoAPIError, $"Domino answered {what} with something that is not the expected JSON",
                response.StatusCode, e.Message, e);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(string path, DominoEndpoint endpoint, HttpCompletionOption completion,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Options.Set(DominoCallHandler.EndpointKey, endpoint);
        request.Headers.Add(ApiKeyHeader, apiKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        try
        {
            return await http.SendAsync(request, completion, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException
                                       or Polly.CircuitBreaker.BrokenCircuitException
                                  || e is TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new DominoException(StatusCode.DominoAPIError,
                $"The Domino API at {http.BaseAddress} could not be reached: {e.Message}", null, e.ToString(), e);
        }
    }

    private static async Task<DominoException> FailAsync(HttpResponseMessage response, DominoEndpoint endpoint, string what,
        CancellationToken cancellationToken)
    {
        string? body = null;
        try { body = await response.Content.ReadAsStringAsync(cancellationToken); }
        catch (HttpRequestException) { /* the status is enough */ }
        response.Dispose();
        return DominoErrors.ToException(endpoint, response.StatusCode, body, what);
    }

    private static DominoProject ToProject(ProjectDto dto, string ownerName) =>
        new(dto.Id, dto.Name, dto.OwnerUsername ?? ownerName, dto.AllowedOperations ?? []);

    private static DateTimeOffset ParseTime(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => DateTimeOffset.FromUnixTimeMilliseconds(value.GetInt64()),
        JsonValueKind.String when DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out var t) => t,
        _ => DateTimeOffset.MinValue,
    };

    private static string P(string segment) => Uri.EscapeDataString(segment);

    private static string Q(string value) => Uri.EscapeDataString(value);
}
