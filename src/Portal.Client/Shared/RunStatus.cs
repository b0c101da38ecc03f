using MudBlazor;
using Portal.Contracts.Runs;

namespace Portal.Client.Shared;

/// <summary>A status code as the pages show it: the word and the tone from <see cref="StatusMeaning"/>, in MudBlazor's colours.</summary>
public static class RunStatus
{
    public static string Label(int? status) => ((StatusCode?)status).Label();

    public static Color Color(int? status) => Colour(((StatusCode?)status).Tone());

    public static Color Colour(StatusTone tone) => tone switch
    {
        StatusTone.Success => MudBlazor.Color.Success,
        StatusTone.Skipped => MudBlazor.Color.Secondary,
        StatusTone.Warning => MudBlazor.Color.Warning,
        StatusTone.Active => MudBlazor.Color.Info,
        StatusTone.Error => MudBlazor.Color.Error,
        _ => MudBlazor.Color.Default,
    };

}
