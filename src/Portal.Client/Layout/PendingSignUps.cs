namespace Portal.Client.Layout;

/// <summary>Tells the menu that the number of sign-ups waiting for approval changed (the users page approved or rejected one).</summary>
public sealed class PendingSignUps
{
    public event Action? Changed;

    public void Notify() => Changed?.Invoke();
}
