using System.Threading.Channels;
using Portal.Data;

namespace Portal.Notifications;

/// <summary>
/// Hands account events to <see cref="NotificationWorker"/>, off the request path: a slow or
/// failing webhook or mail server never holds up a sign-up or an approval.
/// </summary>
public sealed class NotificationQueue(TimeProvider clock) : IAccountNotifications
{
    private readonly Channel<AccountEvent> channel = Channel.CreateBounded<AccountEvent>(
        new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public ChannelReader<AccountEvent> Reader => channel.Reader;

    public void SignedUp(ApplicationUser user) => Enqueue(AccountEventKind.SignedUp, user);

    public void Approved(ApplicationUser user) => Enqueue(AccountEventKind.Approved, user);

    private void Enqueue(AccountEventKind kind, ApplicationUser user) =>
        channel.Writer.TryWrite(new AccountEvent(kind, user.Email ?? user.UserName ?? user.Id, clock.GetUtcNow()));
}
