using Portal.Testbed.Domino;

namespace Portal.Tests.Integration.Domain.Images;

internal static class DominoEnvironments
{
    /// <summary>A Domino user whose project uses a new environment, with one revision per image given (the last one selected).</summary>
    public static (DominoUser User, TestProject Project, TestEnvironment Environment) NewProject(this DominoDouble domino, string name,
        params string?[] revisionImages)
    {
        var user = domino.AddUser("user-" + name);
        var environment = domino.AddEnvironment("Env " + name);
        foreach (var image in revisionImages) environment.AddRevision(image);
        var project = domino.AddProject(user, name);
        project.SelectEnvironment(environment.Id, environment.Revisions.Count);
        return (user, project, environment);
    }
}
