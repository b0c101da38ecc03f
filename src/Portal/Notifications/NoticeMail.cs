using System.Net;
using System.Text;

namespace Portal.Notifications;

/// <summary>A notice as an HTML mail: every value escaped (a run's error can hold anything).</summary>
internal static class NoticeMail
{
    public static string Html(Notice notice)
    {
        var html = new StringBuilder();
        html.Append("<p><strong>").Append(WebUtility.HtmlEncode(notice.Title)).Append("</strong></p><table>");
        foreach (var (label, value) in notice.Facts)
            html.Append("<tr><th align=\"left\" valign=\"top\">").Append(label).Append("</th><td>")
                .Append(WebUtility.HtmlEncode(value).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</td></tr>");
        html.Append("</table>");
        if (notice.RunUrl is { } url)
            html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(url)).Append("\">Open the run</a></p>");
        html.Append("<p>You get this because of a notification setting on your Domino Export Portal profile or export page.</p>");
        return html.ToString();
    }
}
