using System.ComponentModel.DataAnnotations;

namespace Portal.Contracts.Templates;

public sealed class TemplateForm
{
    public const string Placeholder = "{DOMINO_DOCKER_IMAGE}";
    public const string FromLine = "FROM " + Placeholder;

    [Required, StringLength(100)] public string Name { get; set; } = "";
    [Required] public string Content { get; set; } = FromLine + "\n";
}
