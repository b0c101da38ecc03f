
namespace Portal.Notifications;

public enum AccountEventKind
{
    SignedUp,
    Approved,
}
