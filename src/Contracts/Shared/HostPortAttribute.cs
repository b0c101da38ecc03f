using System.ComponentModel.DataAnnotations;

namespace Portal.Contracts.Shared;

[AttributeUsage(AttributeTargets.Property)]
public sealed class HostPortAttribute() : ValidationAttribute("Enter a host name or address, with an optional port: registry.example.com or 10.0.0.5:5000.")
{
    public override bool IsValid(object? value) => value is not string s || s.Length == 0 || InputRules.IsHostPort(s);
}
