using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using Portal.Client;

namespace Portal.Tests.Unit.Support;

/// <summary>The one bUnit setup: the client's own services (MudBlazor, policies), loose JS interop, a test auth state.</summary>
public abstract class PortalComponentTest : BunitContext
{
    protected PortalComponentTest()
    {
        Services.AddPortalClientServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Authorization = AddAuthorization();
    }

    protected BunitAuthorizationContext Authorization { get; }
}
