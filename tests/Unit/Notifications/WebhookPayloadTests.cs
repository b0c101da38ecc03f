using System.Text;
using System.Text.Json;
using Portal.Contracts.Notifications;
using Portal.Contracts.Runs;
using Portal.Notifications;

namespace Portal.Tests.Unit.Notifications;

public sealed class WebhookPayloadTests
{
    private static readonly Notice Failure = new(7, NoticeKind.Failure, 3, "team/project", 42, 5, StatusCode.DominoAPIError,
        "The Domino API answered 500 <Internal> & more", new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero), "https://portal.example.com/runs/42");

    [Fact]
    public void The_json_body_names_the_export_the_run_the_status_its_meaning_the_error_and_the_link()
    {
        using var body = JsonDocument.Parse(WebhookPayloads.For(WebhookFormat.Json, Failure));
        var root = body.RootElement;

        Assert.Equal("run.failed", root.GetProperty("event").GetString());
        Assert.Equal("team/project", root.GetProperty("export").GetProperty("name").GetString());
        var run = root.GetProperty("run");
        Assert.Equal(42, run.GetProperty("id").GetInt64());
        Assert.Equal(5, run.GetProperty("number").GetInt32());
        Assert.Equal(120, run.GetProperty("status").GetInt32());
        Assert.Equal("DominoAPIError", run.GetProperty("statusName").GetString());
        Assert.Equal(StatusCode.DominoAPIError.Describe(), run.GetProperty("meaning").GetString());
        Assert.Equal(Failure.Error, run.GetProperty("error").GetString());
        Assert.Equal("https://portal.example.com/runs/42", run.GetProperty("url").GetString());
    }

    [Fact]
    public void Slack_gets_text_and_blocks_with_its_markup_escaped()
    {
        using var body = JsonDocument.Parse(WebhookPayloads.For(WebhookFormat.Slack, Failure));

        Assert.Contains("team/project failed", body.RootElement.GetProperty("text").GetString());
        var section = body.RootElement.GetProperty("blocks")[1].GetProperty("text").GetProperty("text").GetString()!;
        Assert.Contains("500 &lt;Internal&gt; &amp; more", section);
        Assert.Contains("<https://portal.example.com/runs/42|Open run #5>", section);
    }

    [Fact]
    public void Teams_gets_a_message_carrying_an_adaptive_card_with_the_facts_and_the_link()
    {
        using var body = JsonDocument.Parse(WebhookPayloads.For(WebhookFormat.Teams, Failure));

        Assert.Equal("message", body.RootElement.GetProperty("type").GetString());
        var attachment = body.RootElement.GetProperty("attachments")[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        var card = attachment.GetProperty("content");
        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        var facts = card.GetProperty("body")[1].GetProperty("facts").EnumerateArray().ToDictionary(f => f.GetProperty("title").GetString()!, f => f.GetProperty("value").GetString());
        Assert.StartsWith("120 DominoAPIError", facts["Status"]);
        Assert.Equal("https://portal.example.com/runs/42", card.GetProperty("actions")[0].GetProperty("url").GetString());
    }

    [Fact]
    public void The_signature_is_the_hex_hmac_sha256_of_the_exact_body_and_fails_for_another_secret_or_body()
    {
        var body = WebhookPayloads.For(WebhookFormat.Json, Failure);
        var header = WebhookSignature.For("a-secret-of-16-chars", body);

        // Computed independently of WebhookSignature, as a receiver would.
        using var hmac = new System.Security.Cryptography.HMACSHA256(Encoding.UTF8.GetBytes("a-secret-of-16-chars"));
        Assert.Equal("sha256=" + Convert.ToHexStringLower(hmac.ComputeHash(body)), header);
        Assert.True(WebhookSignature.Verify("a-secret-of-16-chars", body, header));
        Assert.False(WebhookSignature.Verify("another-secret-16-ch", body, header));
        Assert.False(WebhookSignature.Verify("a-secret-of-16-chars", [.. body, (byte)' '], header));
    }

    [Fact]
    public void The_mail_escapes_the_error_and_links_the_run()
    {
        var html = NoticeMail.Html(Failure);

        Assert.Contains("500 &lt;Internal&gt; &amp; more", html);
        Assert.Contains("<a href=\"https://portal.example.com/runs/42\">", html);
        Assert.Contains("120 DominoAPIError", html);
    }

    [Fact]
    public void Without_a_public_url_the_message_says_which_setting_gives_the_link()
    {
        var notice = Failure with { RunUrl = null };

        Assert.Contains("/runs/42 (set Portal:PublicUrl for a full link)", notice.Text);
    }
}
