
namespace Portal.Notifications;

public sealed record AccountEvent(AccountEventKind Kind, string Email, DateTimeOffset At);
