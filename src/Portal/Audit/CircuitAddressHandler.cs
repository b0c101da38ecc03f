using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Portal.Audit;

/// <summary>Keeps the address of a server-side page's connection in its circuit's <see cref="CircuitAddress"/>.</summary>
internal sealed class CircuitAddressHandler(CircuitAddress address, IHttpContextAccessor http) : CircuitHandler
{
    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        address.Value = AuditContext.Address(http.HttpContext?.Connection.RemoteIpAddress) ?? address.Value;
        return Task.CompletedTask;
    }
}
