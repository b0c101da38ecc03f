using Portal.Client.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Contracts.Profile;

namespace Portal.Client.Profile;

public sealed partial class PersonalAccessTokens
{
    private static readonly int[] Lifetimes = [7, 30, 90, 180, CreateTokenRequest.MaxLifetimeDays];

    private readonly CreateTokenRequest request = new();
    private IReadOnlyList<TokenDto>? tokens;
    private CreatedToken? created;
    private string? error;
    private bool busy;

    protected override async Task OnInitializedAsync() => tokens = await Tokens.ListAsync();

    private async Task CreateAsync()
    {
        busy = true;
        error = null;
        try
        {
            var result = await Tokens.CreateAsync(request);
            if (result.Succeeded)
            {
                created = result;
                request.Name = "";
                tokens = await Tokens.ListAsync();
            }
            else
            {
                error = result.Message;
            }
        }
        catch (HttpRequestException e)
        {
            error = e.Message;
        }
        finally
        {
            busy = false;
        }
    }

    private async Task RevokeAsync(TokenDto token)
    {
        if (!await Dialogs.ConfirmAsync("Revoke token", $"Revoke {token.Name}? Scripts that use it are refused from now on.", "Revoke"))
            return;
        busy = true;
        try
        {
            if (!await Tokens.RevokeAsync(token.Id)) error = $"The token {token.Name} no longer exists.";
            tokens = await Tokens.ListAsync();
        }
        catch (HttpRequestException e)
        {
            error = e.Message;
        }
        finally
        {
            busy = false;
        }
    }

    private static string Lifetime(int days) => days switch { 7 => "1 week", 30 => "30 days", 90 => "90 days", 180 => "180 days", _ => "1 year" };

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'");

    private static string State(TokenDto t) => t.RevokedAt is not null ? "Revoked" : t.ExpiresAt <= DateTimeOffset.UtcNow ? "Expired" : "Active";

    private static Color StateColor(TokenDto t) => State(t) == "Active" ? Color.Success : Color.Default;
}
