using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Common;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Core.Tickets.Search;
using Helpdesk.Tests.TestSupport;

namespace Helpdesk.Tests.Core.Tickets.Queries;

/// <summary>
/// The reads an agent runs most run their statements on one connection, opened once (<see cref="Helpdesk.Core.Persistence.CancellableQuery"/>):
/// on PostgreSQL each open takes the connection from the pool and each close gives it back, to be reset before its next use.
/// </summary>
public sealed class QueriesOnOneConnectionTests : IAsyncLifetime
{
    private CoreTestHost _host = default!;
    private CommandCounter _counter = default!;
    private Person _agent = default!;
    private int _ticketId;

    public async Task InitializeAsync()
    {
        _host = await CoreTestHost.StartAsync(builder => _counter = CommandCounter.AddTo(builder));
        _agent = await _host.AddPersonAsync("Ann Agent", "ann@helpdesk.test", PersonRoles.Agent);
        var caller = await _host.AddPersonAsync("Carl Caller", "carl@customer.test");
        _ticketId = await _host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "Printer on fire", RequestedForId = caller.Id, MemberId = _agent.Id }, Actor.System);
        foreach (var log in new[] { CaseLogKind.Public, CaseLogKind.Private })
            await _host.Get<AppendCaseLogEntryCommand>().ExecuteAsync(new NewCaseLogEntry { TicketId = _ticketId, Log = log, Text = $"A {log} note." },
                CoreTestHost.AgentActor(_agent));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<T> CountedAsync<T>(Func<Task<T>> read)
    {
        _counter.Clear();
        _counter.Counting = true;
        try
        {
            return await read();
        }
        finally
        {
            _counter.Counting = false;
        }
    }

    [Fact]
    public async Task TicketDetails_ItsStatements_ShareOneConnection()
    {
        var details = await CountedAsync(() => _host.Get<TicketDetailsQuery>().ExecuteAsync(_ticketId, CoreTestHost.AgentActor(_agent)));

        Assert.Equal("Printer on fire", details!.Subject);
        Assert.Single(details.PrivateLog);
        Assert.True(_counter.Commands.Count >= 4, $"{_counter.Commands.Count} statements: the ticket, its entries, history and mails were expected");
        Assert.Equal(1, _counter.ConnectionsOpened);
    }

    [Fact]
    public async Task TicketSearch_ItsStatements_ShareOneConnection()
    {
        var found = await CountedAsync(() => _host.Get<TicketSearchQuery>().ExecuteAsync("printer", CoreTestHost.AgentActor(_agent)));

        Assert.Equal(_ticketId, Assert.Single(found).TicketId);
        Assert.Equal(2, _counter.Commands.Count);
        Assert.Equal(1, _counter.ConnectionsOpened);
    }

    [Fact]
    public async Task TicketList_ItsStatements_ShareOneConnection()
    {
        var list = await CountedAsync(() => _host.Get<TicketListQuery>().ExecuteAsync(new TicketListRequest { Statuses = [TicketStatus.New, TicketStatus.Assigned] },
            CoreTestHost.AgentActor(_agent)));

        Assert.Equal(_ticketId, Assert.Single(list.Items).Id);
        Assert.True(_counter.Commands.Count >= 2, $"{_counter.Commands.Count} statements");
        Assert.Equal(1, _counter.ConnectionsOpened);
    }
}
