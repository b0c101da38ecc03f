using System.ComponentModel.DataAnnotations;

namespace Portal.Contracts.Shared;

/// <summary>One line of visible text: no control characters (NUL, tabs, line breaks) and no invisible format marks.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SingleLineAttribute() : ValidationAttribute("{0}: use visible characters only, no control characters, line breaks or invisible marks.")
{
    public override bool IsValid(object? value) => !InputRules.HasForbidden(value as string);
}
