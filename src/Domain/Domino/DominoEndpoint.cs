namespace Portal.Domain.Domino;

/// <summary>The Domino API calls the exports make; each maps errors its own way.</summary>
public enum DominoEndpoint
{
    Version,
    Principal,
    FindProject,
    ListProjects,
    Commits,
    Files,
    Blob,
    ProjectEnvironment,
    Environments,
    EnvironmentRevisions,
}
