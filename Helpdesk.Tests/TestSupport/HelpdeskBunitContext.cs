using System.Security.Claims;
using Bunit;
using Helpdesk.Blazor.Features.Shell;
using Helpdesk.Core.Accounts;
using Helpdesk.Core.Persistence;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Helpdesk.Blazor.Features.Tickets;
using Helpdesk.Blazor.Flux;
using Helpdesk.Core.Attachments;
using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Events;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MudBlazor.Services;

namespace Helpdesk.Tests.TestSupport;

/// <summary>
/// bUnit context with MudBlazor, our Flux store and the REAL Core services of a <see cref="CoreTestHost"/>
/// (temp SQLite with real migrations). Disposes asynchronously, which MudBlazor's services need under xunit v2.
/// </summary>
public abstract class HelpdeskBunitContext : BunitContext, IAsyncLifetime
{
    private static readonly Type[] ForwardedCoreServices =
    [
        typeof(TicketListQuery), typeof(TicketDetailsQuery), typeof(TicketLookupsQuery), typeof(UpdateTicketCommand),
        typeof(AppendCaseLogEntryCommand), typeof(EmailReplyAvailability), typeof(ITicketChangeFeed), typeof(BlobStore),
        typeof(CreateTicketCommand), typeof(BulkUpdateTicketsCommand), typeof(Helpdesk.Core.Tickets.Search.TicketSearchQuery),
        typeof(Helpdesk.Core.CaseLog.Drafts.SaveCaseLogDraftCommand), typeof(Helpdesk.Core.CaseLog.Drafts.CaseLogDraftsQuery),
    ];

    protected CoreTestHost Host { get; private set; } = default!;

    protected HelpdeskBunitContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddFlux(o => o.ScanAssemblies(typeof(TicketListPage).Assembly));
    }

    public async Task InitializeAsync()
    {
        Host = await CoreTestHost.StartAsync(ConfigureHost);
        // Core services come from the real host. bUnit's fallback provider only serves top-level requests, so the
        // services that store effects take in their constructors are forwarded explicitly.
        Services.AddLogging();
        foreach (var type in ForwardedCoreServices)
            Services.AddSingleton(type, _ => Host.Services.GetRequiredService(type));
        // The circuit on the host's clock, as the console has one clock: a change's time from the host's notifier is
        // compared with the change batcher's and the shared results' own.
        Services.AddSingleton<TimeProvider>(Host.Clock);
        Services.AddSingleton(sp => new Helpdesk.Blazor.Features.Tickets.Live.SharedTicketListResults(Host.Get<TicketListQuery>(), sp.GetRequiredService<TimeProvider>()));
        Services.AddSingleton(sp => new Helpdesk.Blazor.Features.Tickets.Live.SharedTicketViewCounts(
            Host.Get<Helpdesk.Core.Tickets.Views.TicketViewCountsQuery>(), sp.GetRequiredService<TimeProvider>()));
        Services.AddScoped<Helpdesk.Blazor.Features.Tickets.Live.TicketListBrowserPace>();
        Services.AddFallbackServiceProvider(Host.Services);
        ConfigureServices();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    /// <summary>The circuit's login: <paramref name="userId"/> with the console's Agent role, as <see cref="CurrentActor"/>.</summary>
    protected void LogInAsAgent(string userName, string userId)
    {
        Services.AddScoped(sp => new CurrentActor(sp.GetRequiredService<AuthenticationStateProvider>(), Host.Get<IDbContextFactory<HelpdeskDbContext>>()));
        AddAuthorization().SetAuthorized(userName).SetRoles(ConsoleRoles.Agent).SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
    }

    /// <summary>An agent person with the console login <paramref name="userId"/> (see <see cref="LogInAsAgent"/>).</summary>
    protected async Task<Helpdesk.Core.People.Person> AgentWithLoginAsync(string name, string email, string userId)
    {
        var agent = await Host.AddPersonAsync(name, email, Helpdesk.Core.People.PersonRoles.Agent);
        await using var db = await Host.DbAsync();
        db.Add(new HelpdeskUser { Id = userId, UserName = email, PersonId = agent.Id });
        await db.SaveChangesAsync();
        return agent;
    }

    /// <summary>Changes the Core host a test class needs (e.g. a command interceptor), before it starts.</summary>
    protected virtual void ConfigureHost(HostApplicationBuilder builder)
    {
    }

    /// <summary>Registers what a test class needs beyond Core; services cannot be added once the renderer exists.</summary>
    protected virtual void ConfigureServices()
    {
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Host.DisposeAsync();
    }
}
