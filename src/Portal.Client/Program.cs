using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using Portal.Client.Admin;
using Portal.Contracts.Admin;
using Portal.Client;

var builder = WebAssemblyHostBuilder.CreateDefault(args);

builder.Services.AddPortalClientServices();
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddAuthenticationStateDeserialization();
builder.Services.AddScoped(_ =>
{
    var http = new HttpClient { BaseAddress = new Uri(builder.HostEnvironment.BaseAddress) };
    // The audit log counts these /api calls as the page, not as a script.
    http.DefaultRequestHeaders.Add(Portal.Contracts.Audit.AuditInterfaces.PageHeader, "1");
    return http;
});
builder.Services.AddScoped<IUserAdministration, HttpUserAdministration>();
builder.Services.AddPortalHttpClients();

await builder.Build().RunAsync();
