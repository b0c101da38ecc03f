using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using Portal.Client.Admin;
using Portal.Contracts.Admin;
using Portal.Client;

var builder = WebAssemblyHostBuilder.CreateDefault(args);

builder.Services.AddPortalClientServices();
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddAuthenticationStateDeserialization();
builder.Services.AddScoped(_ => new HttpClient { BaseAddress = new Uri(builder.HostEnvironment.BaseAddress) });
builder.Services.AddScoped<IUserAdministration, HttpUserAdministration>();
builder.Services.AddPortalHttpClients();

await builder.Build().RunAsync();
