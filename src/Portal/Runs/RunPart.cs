namespace Portal.Runs;

/// <summary>The two halves of a project export, which run side by side.</summary>
public enum RunPart
{
    Files,
    Image,
}
