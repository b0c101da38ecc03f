using Portal;

var builder = WebApplication.CreateBuilder(args);

builder.AddPortal();

var app = builder.Build();

await app.PreparePortalAsync();
app.MapPortal();

app.Run();
