using Bunit;
using Helpdesk.Blazor.Features.Tickets;
using Helpdesk.Blazor.Features.Tickets.Presence;
using Helpdesk.Blazor.Features.Tickets.Store;
using Helpdesk.Core.Common;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Contacts;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Helpdesk.Tests.Blazor.Features.Tickets;

/// <summary>The ticket page's load against the real query, with the first ticket's first statement held in the database until the test lets it go.</summary>
public sealed class TicketDetailsLoadTests : HelpdeskBunitContext
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);
    private readonly StatementHold _hold = new();
    private int _printerId, _scannerId;

    protected override void ConfigureHost(HostApplicationBuilder builder) =>
        builder.Services.ConfigureDbContext<HelpdeskDbContext>(options => options.AddInterceptors(_hold), ServiceLifetime.Singleton);

    protected override void ConfigureServices()
    {
        Services.AddSingleton(_ => Host.Get<TicketContactsQuery>());
        Services.AddSingleton<TicketPresenceRegistry>();
        LogInAsAgent("ann@helpdesk.test", "user-ann");
    }

    private async Task<IRenderedComponent<TicketDetailsPage>> OpeningThePrinterTicketAsync()
    {
        await AgentWithLoginAsync("Ann Agent", "ann@helpdesk.test", "user-ann");
        var caller = await Host.AddPersonAsync("Alice Walker", "alice@customer.test");
        var create = Host.Get<CreateTicketCommand>();
        _printerId = await create.ExecuteAsync(new NewTicket { Subject = "Printer jammed", RequestedForId = caller.Id }, Actor.System);
        _scannerId = await create.ExecuteAsync(new NewTicket { Subject = "Scanner offline", RequestedForId = caller.Id }, Actor.System);
        // The details' first statement reads the ticket by its id; nothing else in the load has it as a parameter first.
        _hold.HoldFirstWithParameter(_printerId);
        var cut = Render<TicketDetailsPage>(p => p.Add(c => c.Id, _printerId));
        await _hold.Reached.Task.WaitAsync(Guard);
        return cut;
    }

    [Fact]
    public async Task TicketDetailsPage_AnotherTicketOpenedWhileTheFirstLoads_TheFirstLoadStopsAndTheOtherTicketShows()
    {
        var cut = await OpeningThePrinterTicketAsync();
        try
        {
            cut.Render(p => p.Add(c => c.Id, _scannerId));

            await _hold.Cancelled.Task.WaitAsync(Guard);
            cut.WaitForAssertion(() => Assert.Contains("Scanner offline", cut.Find("[data-testid=ticket-title]").TextContent));
            Assert.Empty(cut.FindAll("[data-testid=ticket-load-error]"));
        }
        finally
        {
            _hold.Release.TrySetResult();
        }
    }

    [Fact]
    public async Task TicketDetailsEffects_CircuitEnds_TheRunningLoadStops()
    {
        await OpeningThePrinterTicketAsync();
        try
        {
            Services.GetRequiredService<TicketDetailsEffects>().Dispose();

            await _hold.Cancelled.Task.WaitAsync(Guard);
        }
        finally
        {
            _hold.Release.TrySetResult();
        }
    }
}
