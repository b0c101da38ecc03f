using System.ComponentModel.DataAnnotations;

namespace Portal.Contracts.Shared;

[AttributeUsage(AttributeTargets.Property)]
public sealed class NoClimbingAttribute() : ValidationAttribute("'..' segments and backslashes are not allowed.")
{
    public override bool IsValid(object? value) => !InputRules.ClimbsOut(value as string);
}
