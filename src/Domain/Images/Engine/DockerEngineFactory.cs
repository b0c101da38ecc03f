using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Docker.DotNet;
using Docker.DotNet.X509;
using Microsoft.Extensions.Options;

namespace Portal.Domain.Images.Engine;

/// <summary>Opens a connection to the configured Docker engine; each run gets its own and disposes it.</summary>
public sealed class DockerEngineFactory(IOptions<DockerOptions> options)
{
    internal DockerEngine Create()
    {
        var o = options.Value;
        var configuration = new DockerClientConfiguration(o.Endpoint, CreateCredentials(o), o.RequestTimeout);
        return new DockerEngine(configuration, configuration.CreateClient(), o.PingTimeout);
    }

    internal static Credentials? CreateCredentials(DockerOptions o)
    {
        if (o.ClientCertificatePath is null) return null;
        var certificate = o.ClientKeyPath is null
            ? X509CertificateLoader.LoadPkcs12FromFile(o.ClientCertificatePath, o.ClientCertificatePassword)
            : X509Certificate2.CreateFromPemFile(o.ClientCertificatePath, o.ClientKeyPath);
        var credentials = new CertificateCredentials(certificate);
        if (o.CaCertificatePath is not null)
            credentials.ServerCertificateValidationCallback = TrustOnly(X509CertificateLoader.LoadCertificateFromFile(o.CaCertificatePath));
        return credentials;
    }

    /// <summary>Docker's own TLS setup: the engine's certificate must chain to the given CA (and match its name).</summary>
    internal static RemoteCertificateValidationCallback TrustOnly(X509Certificate2 ca) => (_, certificate, _, errors) =>
    {
        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None) return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(leaf);
    };
}
