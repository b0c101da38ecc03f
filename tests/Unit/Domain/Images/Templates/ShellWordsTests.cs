using Portal.Domain.Images.Templates;

namespace Portal.Tests.Unit.Domain.Images.Templates;

public sealed class ShellWordsTests
{
    private static readonly Dictionary<string, string> Variables = new()
    {
        ["HOME"] = "/root", ["EMPTY"] = "", ["PATH"] = "/usr/bin:/bin",
    };

    [Theory]
    [InlineData("a=1 b=\"two words\" c='x y'", new[] { "a=1", "b=\"two words\"", "c='x y'" })]
    [InlineData("a\\ b c", new[] { "a\\ b", "c" })]
    [InlineData("  lead   trail  ", new[] { "lead", "trail" })]
    [InlineData("x=\"\" y", new[] { "x=\"\"", "y" })]
    public void Splits_on_unquoted_whitespace_and_keeps_quotes_for_the_expansion(string text, string[] words)
    {
        Assert.Equal(words, ShellWords.Split(text, '\\'));
    }

    [Theory]
    [InlineData("$HOME/bin", "/root/bin")]
    [InlineData("${HOME}x", "/rootx")]
    [InlineData("$MISSING-x", "-x")]
    [InlineData("${MISSING:-fallback}", "fallback")]
    [InlineData("${EMPTY:-fallback}", "fallback")]
    [InlineData("${EMPTY-fallback}", "")]
    [InlineData("${MISSING-fallback}", "fallback")]
    [InlineData("${HOME:+set}", "set")]
    [InlineData("${EMPTY:+set}", "")]
    [InlineData("${EMPTY+set}", "set")]
    [InlineData("'$HOME'", "$HOME")]
    [InlineData("\"$HOME and \\\"q\\\" \\$x\"", "/root and \"q\" $x")]
    [InlineData("a\\ b", "a b")]
    [InlineData("\\$HOME", "$HOME")]
    [InlineData("cost: $", "cost: $")]
    [InlineData("${PATH:-$HOME}", "/usr/bin:/bin")]
    [InlineData("${MISSING:-$HOME/x}", "/root/x")]
    public void Expands_variables_and_removes_quotes_as_a_Dockerfile_build_does(string word, string expanded)
    {
        Assert.Equal(expanded, ShellWords.Expand(word, Variables, '\\'));
    }

    [Theory]
    [InlineData("${HOME%/*}")]
    [InlineData("${HOME#/}")]
    [InlineData("${HOME/x/y}")]
    [InlineData("${HOME:?unset}")]
    [InlineData("$1")]
    [InlineData("$@")]
    [InlineData("\"unclosed")]
    [InlineData("${HOME")]
    public void Refuses_what_only_a_build_applies(string word)
    {
        Assert.Throws<UnsupportedWordException>(() => ShellWords.Expand(word, Variables, '\\'));
    }

    [Fact]
    public void Uses_the_escape_character_the_template_chose()
    {
        Assert.Equal("C:\\tools a b", ShellWords.Expand("C:\\tools a` b", Variables, '`'));
    }
}
