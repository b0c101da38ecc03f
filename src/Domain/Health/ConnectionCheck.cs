using System.Diagnostics;
using Amazon.S3.Model;

namespace Portal.Domain.Health;

/// <summary>The answer of one check: what was checked, whether it works, and what it said.</summary>
public sealed record ConnectionCheck(string Name, bool Healthy, string Message, TimeSpan Duration);
