using System.ComponentModel.DataAnnotations;
using Portal.Contracts.Shared;

namespace Portal.Contracts.Templates;

public sealed class TemplateForm
{
    public const string Placeholder = "{DOMINO_DOCKER_IMAGE}";
    public const string FromLine = "FROM " + Placeholder;

    [Required(ErrorMessage = "Enter a name, e.g. Python with CUDA."), StringLength(100, ErrorMessage = InputRules.TooLong), SingleLine, Display(Name = "Name")] public string Name { get; set; } = "";
    [Required, StringLength(InputRules.MaxTemplateLength, ErrorMessage = "A template is at most 64 KiB."), MultiLine] public string Content { get; set; } = FromLine + "\n";
}
