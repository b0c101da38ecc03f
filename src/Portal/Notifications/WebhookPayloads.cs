using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Contracts.Notifications;

namespace Portal.Notifications;

/// <summary>
/// The webhook bodies (docs/notifications.md): the portal's own JSON, Slack's incoming-webhook message (<c>text</c>, and
/// <c>blocks</c> for the layout), or the Teams workflow message that carries an Adaptive Card.
/// </summary>
internal static class WebhookPayloads
{
    public static byte[] For(WebhookFormat format, Notice notice) => JsonSerializer.SerializeToUtf8Bytes<JsonNode>(format switch
    {
        WebhookFormat.Slack => Slack(notice),
        WebhookFormat.Teams => Teams(notice),
        _ => Json(notice),
    });

    private static JsonObject Json(Notice n) => new()
    {
        ["event"] = n.Event,
        ["deliveryId"] = n.DeliveryId,
        ["title"] = n.Title,
        ["text"] = n.Text,
        ["export"] = new JsonObject { ["id"] = n.ExportId, ["name"] = n.ExportName },
        ["run"] = new JsonObject
        {
            ["id"] = n.RunId,
            ["number"] = n.RunNumber,
            ["status"] = n.Code,
            ["statusName"] = n.StatusName,
            ["meaning"] = n.Meaning,
            ["error"] = n.Error,
            ["endedAt"] = n.EndedAt,
            ["url"] = n.RunUrl,
        },
    };

    private static JsonObject Slack(Notice n)
    {
        var link = n.RunUrl is { } url ? $"\n<{url}|Open run #{n.RunNumber}>" : "";
        var facts = string.Join('\n', n.Facts.Select(f => $"*{f.Label}:* {SlackEscape(f.Value)}"));
        return new JsonObject
        {
            ["text"] = $"{n.Title}{(n.RunUrl is { } u ? $" {u}" : "")}",
            ["blocks"] = new JsonArray(
                new JsonObject { ["type"] = "header", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = Cut(n.Title, 150) } },
                new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = Cut(facts + link, 3000) } }),
        };
    }

    private static JsonObject Teams(Notice n)
    {
        var facts = new JsonArray([.. n.Facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Label, ["value"] = f.Value })]);
        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = new JsonArray(
                new JsonObject { ["type"] = "TextBlock", ["text"] = n.Title, ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true },
                new JsonObject { ["type"] = "FactSet", ["facts"] = facts }),
        };
        if (n.RunUrl is { } url)
            card["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Open the run", ["url"] = url });
        return new JsonObject
        {
            ["type"] = "message",
            ["summary"] = n.Title,
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = "application/vnd.microsoft.card.adaptive",
                ["contentUrl"] = null,
                ["content"] = card,
            }),
        };
    }

    // Slack's mrkdwn treats these three as markup.
    private static string SlackEscape(string value) =>
        value.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string Cut(string value, int max) => value.Length <= max ? value : value[..(max - 1)] + "…";
}
