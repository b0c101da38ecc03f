using Portal.Data;

namespace Portal.Notifications;

/// <summary>Tells the outside world about account events without waiting for it.</summary>
public interface IAccountNotifications
{
    void SignedUp(ApplicationUser user);

    void Approved(ApplicationUser user);
}
