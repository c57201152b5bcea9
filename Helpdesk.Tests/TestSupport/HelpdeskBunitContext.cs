using Bunit;
using Helpdesk.Blazor.Features.Tickets;
using Helpdesk.Blazor.Flux;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Helpdesk.Tests.TestSupport;

/// <summary>
/// bUnit context with MudBlazor, our Flux store and the REAL Core services of a <see cref="CoreTestHost"/>
/// (temp SQLite with real migrations). Disposes asynchronously, which MudBlazor's services need under xunit v2.
/// </summary>
public abstract class HelpdeskBunitContext : BunitContext, IAsyncLifetime
{
    protected CoreTestHost Host { get; private set; } = default!;

    protected HelpdeskBunitContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddFlux(o => o.ScanAssemblies(typeof(TicketListPage).Assembly));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    public async Task InitializeAsync()
    {
        Host = await CoreTestHost.StartAsync();
        // Core services come from the real host; the component tree resolves them through this fallback.
        Services.AddFallbackServiceProvider(Host.Services);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Host.DisposeAsync();
    }
}
