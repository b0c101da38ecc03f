using Microsoft.AspNetCore.Components;
using Portal.Contracts.Connections;

namespace Portal.Client.Connections;

public sealed partial class DockerEngineCard
{
    private ConnectionTestResult? result;
    private bool testing;

    [Parameter, EditorRequired] public DockerEngineDto Docker { get; set; } = new("", false);

    [Parameter] public bool Disabled { get; set; }

    private async Task TestAsync()
    {
        testing = true;
        try
        {
            result = await Connections.TestAsync("docker", 0);
        }
        catch (HttpRequestException e)
        {
            result = new ConnectionTestResult([new ConnectionCheckDto("Docker", false, e.Message, 0)]);
        }
        finally
        {
            testing = false;
        }
    }
}
