using Helpdesk.Blazor.Features.Tickets;
using Helpdesk.Blazor.Features.Tickets.Store;
using Helpdesk.Blazor.Flux;
using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Common;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Blazor.Features.Tickets;

/// <summary>The circuit's bridge from the change notifier: it reloads the open ticket for others' changes, not for the echo of its own.</summary>
public sealed class TicketsLiveUpdatesTests : HelpdeskBunitContext
{
    private int _reloads;

    protected override void ConfigureServices() => LogInAsAgent("ann@helpdesk.test", "user-ann");

    private int Reloads => Volatile.Read(ref _reloads);

    private async Task SettleAsync()
    {
        // Lets any change on its way reach the circuit, then lets its window pass.
        await Task.Delay(300);
        Host.Clock.Advance(TicketChangeBatcher.Window * 2);
        await Task.Delay(300);
    }

    [Fact]
    public async Task TicketsLiveUpdates_AgentsOwnSave_ReloadsTheTicketOnceAndAnothersChangeOnceMore()
    {
        await AgentWithLoginAsync("Ann Agent", "ann@helpdesk.test", "user-ann");
        var caller = await Host.AddPersonAsync("Bob Stone", "bob@customer.test");
        var ticketId = await Host.Get<CreateTicketCommand>().ExecuteAsync(new Helpdesk.Core.Tickets.Commands.NewTicket { Subject = "Printer", RequestedForId = caller.Id }, Actor.System);
        var bridge = Render<TicketsLiveUpdates>();
        var dispatcher = Services.GetRequiredService<IDispatcher>();
        var details = Services.GetRequiredService<IState<TicketDetailsState>>();
        dispatcher.Dispatch(new LoadTicketAction(ticketId));
        await Eventually.WaitUntilAsync(() => details.Value.Ticket is not null);
        await SettleAsync();
        Services.GetRequiredService<IActionSubscriber>().SubscribeToAction<LoadTicketAction>(this, _ => Interlocked.Increment(ref _reloads));

        dispatcher.Dispatch(new AppendCaseLogEntryAction(new NewCaseLogEntry { TicketId = ticketId, Log = CaseLogKind.Public, Text = "On it" }));
        await Eventually.WaitUntilAsync(() => Reloads > 0);
        await SettleAsync();
        Assert.Equal(1, Reloads);

        await Host.Get<AppendCaseLogEntryCommand>().ExecuteAsync(new NewCaseLogEntry { TicketId = ticketId, Log = CaseLogKind.Public, Text = "Thanks" }, Actor.System);
        await Eventually.WaitUntilAsync(() =>
        {
            Host.Clock.Advance(TicketChangeBatcher.Window);
            return Reloads > 1;
        });
        await SettleAsync();
        Assert.Equal(2, Reloads);
        bridge.Dispose();
    }
}
