using Portal.Contracts.Shared;

namespace Portal.Tests.Unit.Contracts;

public sealed class ByteRateTests
{
    [Theory]
    [InlineData("52428800", 52428800)]
    [InlineData("50MiB", 50L << 20)]
    [InlineData("50 MiB/s", 50L << 20)]
    [InlineData("50 mib/S", 50L << 20)]
    [InlineData("1.5 GB/s", 1_500_000_000)]
    [InlineData("800KiB", 800 * 1024)]
    [InlineData("100 MB", 100_000_000)]
    [InlineData("2048 B/s", 2048)]
    [InlineData("1 KiB", 1024)]
    public void Reads_bytes_per_second_in_human_units(string text, long expected)
    {
        Assert.True(ByteRate.TryParse(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("fast")]
    [InlineData("50 Mbit/s")]
    [InlineData("-5 MiB")]
    [InlineData("0")]
    [InlineData("1000")]
    [InlineData("1e9")]
    [InlineData("99999999999999999999 TiB")]
    [InlineData("5,5 MiB")]
    public void Refuses_what_is_not_a_bandwidth_of_at_least_1_KiB_per_second(string text)
    {
        Assert.False(ByteRate.TryParse(text, out _));
        if (text.Length > 0) Assert.False(new ByteRateAttribute().IsValid(text));
    }

    [Theory]
    [InlineData(50L << 20, "50 MiB/s")]
    [InlineData(1536 * 1024, "1.5 MiB/s")]
    [InlineData(1024, "1 KiB/s")]
    [InlineData(1_000_000, "1000000 B/s")]
    [InlineData(1_000_003, "1000003 B/s")]
    public void Writes_a_limit_so_that_it_reads_back_the_same(long bytesPerSecond, string expected)
    {
        Assert.Equal(expected, ByteRate.Format(bytesPerSecond));
        Assert.True(ByteRate.TryParse(ByteRate.Format(bytesPerSecond), out var back));
        Assert.Equal(bytesPerSecond, back);
    }

    [Fact]
    public void The_attribute_takes_no_limit_or_a_number_of_at_least_1_KiB_per_second()
    {
        var rule = new ByteRateAttribute();
        Assert.True(rule.IsValid(null));
        Assert.True(rule.IsValid(1024L));
        Assert.False(rule.IsValid(1023L));
        Assert.False(rule.IsValid(0L));
        Assert.True(rule.IsValid("50MiB"));
        Assert.False(rule.IsValid("50 Mbit"));
    }
}
