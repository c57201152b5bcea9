using Helpdesk.Blazor.Features.Tickets;
using Helpdesk.Blazor.Features.Tickets.Live;
using Helpdesk.Core.Accounts;
using Helpdesk.Core.Common;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.TestSupport;

namespace Helpdesk.Tests.Blazor.Features.Tickets.Live;

/// <summary>The list results open circuits share: one query per list and viewer scope, never one across scopes, never a stale one.</summary>
public sealed class SharedTicketListResultsTests : IAsyncLifetime
{
    private CoreTestHost _host = default!;
    private SharedTicketListResults _results = default!;
    private int _callerId;

    private static readonly Actor Ann = Actor.Agent(1, "Ann Agent", [ConsoleRoles.Agent]);
    private static readonly Actor Sue = Actor.Agent(2, "Sue Supervisor", [ConsoleRoles.Administrator]);

    public async Task InitializeAsync()
    {
        _host = await CoreTestHost.StartAsync();
        _results = new SharedTicketListResults(_host.Get<TicketListQuery>(), _host.Clock);
        _callerId = (await _host.AddPersonAsync("Bob Stone", "bob@customer.test")).Id;
        await CreateAsync("Printer jams");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<int> CreateAsync(string subject) =>
        _host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = subject, RequestedForId = _callerId }, Actor.System);

    // A change is heard, then the circuits' batching window passes before they ask for the list.
    private long ChangeHeardOneWindowAgo()
    {
        var heardAt = _host.Clock.GetTimestamp();
        _host.Clock.Advance(TicketChangeBatcher.Window);
        return heardAt;
    }

    [Fact]
    public async Task GetAsync_TwoCircuitsSameRequestAndScope_RunOneQueryForTheTick()
    {
        var heardAt = ChangeHeardOneWindowAgo();

        var first = await _results.GetAsync(new TicketListRequest { Statuses = [TicketStatus.New, TicketStatus.InProgress] }, Ann, heardAt);
        var second = await _results.GetAsync(new TicketListRequest { Statuses = [TicketStatus.InProgress, TicketStatus.New] }, Sue, heardAt);

        Assert.Equal(1, _results.QueriesRun);
        Assert.Same(first, second);
        Assert.Equal("Printer jams", Assert.Single(first.Items).Subject);
    }

    [Fact]
    public async Task GetAsync_ScopesDiffer_NeverShareAResult()
    {
        var heardAt = ChangeHeardOneWindowAgo();
        var customer = new Actor(_callerId, "Bob Stone", ActorKind.Customer);

        var agents = await _results.GetAsync(new TicketListRequest(), Ann, heardAt);
        var customers = await _results.GetAsync(new TicketListRequest(), customer, heardAt);

        Assert.Equal(2, _results.QueriesRun);
        Assert.Single(agents.Items);
        Assert.Empty(customers.Items);
    }

    [Fact]
    public async Task GetAsync_RequestsDiffer_RunAQueryEach()
    {
        var heardAt = ChangeHeardOneWindowAgo();

        await _results.GetAsync(new TicketListRequest(), Ann, heardAt);
        await _results.GetAsync(new TicketListRequest { Sort = TicketSortField.Number }, Ann, heardAt);

        Assert.Equal(2, _results.QueriesRun);
    }

    [Fact]
    public async Task GetAsync_SharedResultStartedBeforeTheChangeWasHeard_RunsAgainAndShowsTheChange()
    {
        await _results.GetAsync(new TicketListRequest(), Ann, ChangeHeardOneWindowAgo());
        await CreateAsync("Scanner offline");

        var after = await _results.GetAsync(new TicketListRequest(), Sue, ChangeHeardOneWindowAgo());

        Assert.Equal(2, _results.QueriesRun);
        Assert.Equal("Scanner offline", after.Items[0].Subject);
    }

    [Fact]
    public async Task GetFreshAsync_AfterAnEarlierResult_RunsItsOwnQuery()
    {
        await _results.GetAsync(new TicketListRequest(), Ann, ChangeHeardOneWindowAgo());

        await _results.GetFreshAsync(new TicketListRequest(), Ann);

        Assert.Equal(2, _results.QueriesRun);
    }
}
