namespace Portal.Notifications;

internal static class ApprovalMail
{
    public const string Subject = "Your Domino Export Portal account is approved";

    public static string Body(string? publicUrl) => publicUrl is null
        ? "<p>An administrator approved your account. You can now sign in to the Domino Export Portal.</p>"
        : $"<p>An administrator approved your account. You can now <a href=\"{publicUrl}\">sign in to the Domino Export Portal</a>.</p>";
}
