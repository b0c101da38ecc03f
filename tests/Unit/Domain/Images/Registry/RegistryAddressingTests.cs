using System.Net.Http.Headers;
using Portal.Domain.Images.Registry;

namespace Portal.Tests.Unit.Domain.Images.Registry;

public sealed class RegistryAddressingTests
{
    [Theory]
    [InlineData("registry.example.com", "registry.example.com", null, false)]
    [InlineData("https://Registry.Example.com:5000/", "registry.example.com:5000", "https", false)]
    [InlineData("http://build-cache:5000", "build-cache:5000", "http", true)]
    [InlineData("docker.io", "registry-1.docker.io", null, false)]
    [InlineData("index.docker.io", "registry-1.docker.io", null, false)]
    [InlineData("localhost:5000", "localhost:5000", null, true)]
    [InlineData("127.0.0.1:5000", "127.0.0.1:5000", null, true)]
    [InlineData("[::1]:5000", "[::1]:5000", null, true)]
    [InlineData("mirror.internal:5000", "mirror.internal:5000", null, true)] // listed as insecure below
    public void Finds_the_API_host_and_whether_plain_HTTP_may_be_tried(string host, string api, string? scheme, bool plain)
    {
        var endpoint = RegistryEndpoint.Parse(host, ["mirror.internal:5000"]);

        Assert.Equal(api, endpoint.ApiHost);
        Assert.Equal(scheme, endpoint.Scheme);
        Assert.Equal(plain, endpoint.MayUsePlainHttp);
    }

    [Fact]
    public void Docker_Hubs_official_images_live_under_library()
    {
        Assert.Equal("library/python", RegistryEndpoint.Parse(null).RepositoryPath("python"));
        Assert.Equal("team/app", RegistryEndpoint.Parse("docker.io").RepositoryPath("team/app"));
        Assert.Equal("python", RegistryEndpoint.Parse("quay.io").RepositoryPath("python"));
        Assert.True(RegistryEndpoint.Parse("Quay.io").IsSameRegistry(RegistryEndpoint.Parse("https://quay.io")));
        Assert.False(RegistryEndpoint.Parse("quay.io").IsSameRegistry(RegistryEndpoint.Parse("ghcr.io")));
    }

    [Fact]
    public void Reads_bearer_and_basic_challenges_and_prefers_the_bearer_one()
    {
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Add(new AuthenticationHeaderValue("Basic", "realm=\"Registry Realm\""));
        response.Headers.WwwAuthenticate.Add(new AuthenticationHeaderValue("Bearer",
            "realm=\"https://auth.example.com/token\",service=\"registry.example.com\",scope=\"repository:team/app:pull,push\",error=\"insufficient_scope\""));

        var challenge = AuthChallenge.From(response.Headers)!;

        Assert.True(challenge.IsBearer);
        Assert.Equal("https://auth.example.com/token", challenge["realm"]);
        Assert.Equal("registry.example.com", challenge["service"]);
        Assert.Equal("repository:team/app:pull,push", challenge["scope"]);
        Assert.Null(challenge["missing"]);
    }

    [Fact]
    public void Unquotes_escaped_characters_and_reads_unquoted_values()
    {
        var challenge = AuthChallenge.Parse("Bearer", "realm=\"https://a/\\\"q\\\"\", service=plain");

        Assert.Equal("https://a/\"q\"", challenge["realm"]);
        Assert.Equal("plain", challenge["service"]);
    }
}
