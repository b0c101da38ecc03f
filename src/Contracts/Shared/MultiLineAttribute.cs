using System.ComponentModel.DataAnnotations;

namespace Portal.Contracts.Shared;

/// <summary>Text of several lines (a Dockerfile): line breaks and tabs, but no other control characters.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MultiLineAttribute() : ValidationAttribute("{0}: remove control characters (such as NUL) and invisible marks; line breaks and tabs are fine.")
{
    public override bool IsValid(object? value) => !InputRules.HasForbidden(value as string, multiLine: true);
}
