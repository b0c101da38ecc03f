using System.Net.Http.Json;

namespace Portal.Notifications;

public sealed record SlackMessage(string Text);
