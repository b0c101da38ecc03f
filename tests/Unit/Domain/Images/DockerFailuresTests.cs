using Portal.Domain.Images.Engine;

namespace Portal.Tests.Unit.Domain.Images;

public sealed class DockerFailuresTests
{
    [Theory]
    [InlineData("login attempt to localhost:5000 failed with status: 401 Unauthorized")]
    [InlineData("unauthorized: authentication required")]
    [InlineData("pull access denied for x, repository does not exist or may require 'docker login'")]
    [InlineData("denied: requested access to the resource is denied")]
    [InlineData("received unexpected HTTP status: 403 Forbidden")]
    public void Recognises_a_registry_refusing_the_credentials(string message) =>
        Assert.True(DockerFailures.IsAuthFailure(message));

    [Theory]
    [InlineData("writing blob sha256:9f401c0de403aa: connection reset by peer")]
    [InlineData("open /var/lib/containers/storage/vfs/dir: permission denied")]
    [InlineData("dial tcp 127.0.0.1:5000: connect: connection refused")]
    public void Does_not_mistake_other_failures_for_a_refused_login(string message) =>
        Assert.False(DockerFailures.IsAuthFailure(message));
}
