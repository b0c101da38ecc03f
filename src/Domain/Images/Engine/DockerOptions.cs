using System.ComponentModel.DataAnnotations;

namespace Portal.Domain.Images.Engine;

/// <summary>Where the Docker engine is and how to reach it (configuration section "Docker").</summary>
public sealed class DockerOptions : IValidatableObject
{
    public const string Section = "Docker";

    /// <summary><c>unix:///path/docker.sock</c>, or <c>tcp://host:2376</c> (TLS when a client certificate is set).</summary>
    [Required]
    public Uri Endpoint { get; set; } = new("unix:///var/run/docker.sock");

    /// <summary>The client certificate for a TLS endpoint: a PFX file, or a PEM file with <see cref="ClientKeyPath"/>.</summary>
    public string? ClientCertificatePath { get; set; }

    /// <summary>The PEM private key of <see cref="ClientCertificatePath"/>.</summary>
    public string? ClientKeyPath { get; set; }

    /// <summary>The PFX file's password, if it has one.</summary>
    public string? ClientCertificatePassword { get; set; }

    /// <summary>The CA that signed the engine's certificate (Docker's ca.pem); without it the system's trust store decides.</summary>
    public string? CaCertificatePath { get; set; }

    /// <summary>How long the engine may take to answer a ping before it counts as unreachable.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan PingTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Timeout of the short calls (inspect, tag, remove, login); pulls, builds and pushes have none.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>How many of the build's last output lines a run keeps.</summary>
    [Range(1, 1000)]
    public int BuildOutputLines { get; set; } = 40;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Endpoint is { IsAbsoluteUri: true } e && e.Scheme is not ("unix" or "tcp" or "http" or "https" or "npipe"))
            yield return new ValidationResult($"Docker:Endpoint must be a unix://, tcp:// or npipe:// address, not '{e}'", [nameof(Endpoint)]);
        if (ClientCertificatePath is { } cert && !File.Exists(cert))
            yield return new ValidationResult($"Docker:ClientCertificatePath '{cert}' does not exist", [nameof(ClientCertificatePath)]);
        if (ClientKeyPath is { } key && !File.Exists(key))
            yield return new ValidationResult($"Docker:ClientKeyPath '{key}' does not exist", [nameof(ClientKeyPath)]);
        if (ClientKeyPath is not null && ClientCertificatePath is null)
            yield return new ValidationResult("Docker:ClientKeyPath needs Docker:ClientCertificatePath", [nameof(ClientKeyPath)]);
        if (CaCertificatePath is { } ca && !File.Exists(ca))
            yield return new ValidationResult($"Docker:CaCertificatePath '{ca}' does not exist", [nameof(CaCertificatePath)]);
    }
}
