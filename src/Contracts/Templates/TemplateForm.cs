using System.ComponentModel.DataAnnotations;
using Portal.Contracts.Shared;

namespace Portal.Contracts.Templates;

public sealed class TemplateForm
{
    public const string Placeholder = "{DOMINO_DOCKER_IMAGE}";
    public const string FromLine = "FROM " + Placeholder;

    [Required, StringLength(100), SingleLine] public string Name { get; set; } = "";
    [Required, StringLength(InputRules.MaxTemplateLength, ErrorMessage = "A template is at most 64 KiB."), MultiLine] public string Content { get; set; } = FromLine + "\n";
}
