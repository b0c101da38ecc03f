using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Docker.DotNet.X509;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Domain.Images.Engine;
using Portal.Domain;

namespace Portal.Tests.Unit.Domain.Images;

public sealed class DockerEngineFactoryTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("portal-docker-tls-");

    [Fact]
    public void Uses_a_PEM_client_certificate_and_trusts_only_the_given_CA()
    {
        using var ca = CreateCa("Docker test CA");
        using var otherCa = CreateCa("Someone else");
        using var client = Issue(ca, "docker-client");
        var options = new DockerOptions
        {
            Endpoint = new Uri("tcp://docker.example.com:2376"),
            ClientCertificatePath = Write("cert.pem", client.ExportCertificatePem()),
            ClientKeyPath = Write("key.pem", client.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem()),
            CaCertificatePath = Write("ca.pem", ca.ExportCertificatePem()),
        };

        var credentials = Assert.IsType<CertificateCredentials>(DockerEngineFactory.CreateCredentials(options));
        var validate = credentials.ServerCertificateValidationCallback!;
        using var server = Issue(ca, "docker.example.com");
        using var stranger = Issue(otherCa, "docker.example.com");

        Assert.True(credentials.IsTlsCredentials());
        Assert.True(validate(this, server, null, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(validate(this, stranger, null, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(validate(this, server, null, SslPolicyErrors.RemoteCertificateNameMismatch));
    }

    [Fact]
    public void Talks_plain_to_a_unix_socket_by_default()
    {
        var options = new DockerOptions();

        Assert.Equal(new Uri("unix:///var/run/docker.sock"), options.Endpoint);
        Assert.Null(DockerEngineFactory.CreateCredentials(options));
    }

    [Fact]
    public void Refuses_to_start_with_an_endpoint_it_cannot_use()
    {
        var services = new ServiceCollection().AddLogging().AddImageExport();
        services.Configure<DockerOptions>(o =>
        {
            o.Endpoint = new Uri("ftp://docker.example.com");
            o.ClientCertificatePath = "/no/such/cert.pfx";
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DockerOptions>>().Value);

        Assert.Contains("Docker:Endpoint must be a unix://, tcp:// or npipe:// address", error.Message, StringComparison.Ordinal);
        Assert.Contains("Docker:ClientCertificatePath '/no/such/cert.pfx' does not exist", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Delete(recursive: true);

    private string Write(string name, string pem)
    {
        var path = Path.Combine(_directory.FullName, name);
        File.WriteAllText(path, pem);
        return path;
    }

    private static X509Certificate2 CreateCa(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    private static X509Certificate2 Issue(X509Certificate2 ca, string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var issued = request.Create(ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(12), RandomNumberGenerator.GetBytes(8));
        return issued.CopyWithPrivateKey(key);
    }
}
