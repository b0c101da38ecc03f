using System.Net;
using Portal.Security;

namespace Portal.Tests.Unit.Security;

public sealed class NetworksTests
{
    [Theory]
    [InlineData("10.0.0.0/8", true)]
    [InlineData("2001:db8::/32", true)]
    [InlineData("fe80::1", true)]
    [InlineData(" 127.0.0.1 ", true)]
    [InlineData("10.0.0.0/33", false)]
    [InlineData("localhost", false)]
    public void Parses_addresses_and_networks(string value, bool valid) =>
        Assert.Equal(valid, Networks.TryParse(value, out _));

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.31.255.254", true)]
    [InlineData("192.168.1.10", true)]
    [InlineData("169.254.169.254", true)] // cloud metadata
    [InlineData("100.64.0.1", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("::1", true)]
    [InlineData("fd00::5", true)]
    [InlineData("fe80::1", true)]
    [InlineData("::ffff:10.0.0.1", true)] // IPv4-mapped private address
    [InlineData("172.32.0.1", false)]
    [InlineData("8.8.8.8", false)]
    [InlineData("2606:4700::1111", false)]
    [InlineData("::ffff:8.8.8.8", false)]
    public void Knows_internal_addresses(string address, bool internalAddress) =>
        Assert.Equal(internalAddress, Networks.IsInternal(IPAddress.Parse(address)));
}
