using System.ComponentModel.DataAnnotations;

namespace Portal.Contracts.Shared;

[AttributeUsage(AttributeTargets.Property)]
public sealed class NoClimbingAttribute() : ValidationAttribute("{0}: '..' segments and backslashes are not allowed; use a plain name.")
{
    public override bool IsValid(object? value) => !InputRules.ClimbsOut(value as string);
}
