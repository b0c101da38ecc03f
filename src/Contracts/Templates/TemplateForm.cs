using System.ComponentModel.DataAnnotations;
using Portal.Contracts.Shared;

namespace Portal.Contracts.Templates;

public sealed class TemplateForm
{
    public const string Placeholder = "{DOMINO_DOCKER_IMAGE}";
    public const string FromLine = "FROM " + Placeholder;

    [Required(ErrorMessage = "Enter a name, e.g. Python with CUDA."), StringLength(100, ErrorMessage = InputRules.TooLong), SingleLine, Display(Name = "Name")] public string Name { get; set; } = "";
    [Required(ErrorMessage = "{0}: write the Dockerfile; its first line is FROM {{DOMINO_DOCKER_IMAGE}}."), StringLength(InputRules.MaxTemplateLength, ErrorMessage = "{0}: a template is at most 64 KiB."), MultiLine, Display(Name = "Dockerfile")] public string Content { get; set; } = FromLine + "\n";
}
