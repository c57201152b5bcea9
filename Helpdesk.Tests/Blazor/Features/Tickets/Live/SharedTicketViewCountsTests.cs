using Helpdesk.Blazor.Features.Tickets;
using Helpdesk.Blazor.Features.Tickets.Live;
using Helpdesk.Core.Accounts;
using Helpdesk.Core.Common;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Views;
using Helpdesk.Tests.TestSupport;

namespace Helpdesk.Tests.Blazor.Features.Tickets.Live;

/// <summary>The navigation's view counts open circuits share: one query per person and scope per tick, never a stale one.</summary>
public sealed class SharedTicketViewCountsTests : IAsyncLifetime
{
    private CoreTestHost _host = default!;
    private SharedTicketViewCounts _counts = default!;
    private int _callerId;
    private Person _ann = default!;
    private Person _sue = default!;

    public async Task InitializeAsync()
    {
        _host = await CoreTestHost.StartAsync();
        _counts = new SharedTicketViewCounts(_host.Get<TicketViewCountsQuery>(), _host.Clock);
        _callerId = (await _host.AddPersonAsync("Bob Stone", "bob@customer.test")).Id;
        _ann = await _host.AddPersonAsync("Ann Agent", "ann@helpdesk.test", PersonRoles.Agent);
        _sue = await _host.AddPersonAsync("Sue Supervisor", "sue@helpdesk.test", PersonRoles.Agent);
        await CreateAsync("Printer jams", member: _ann.Id);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Actor AgentActor(Person person) => Actor.Agent(person.Id, person.Name, [ConsoleRoles.Agent]);

    private Task<int> CreateAsync(string subject, int? member = null) =>
        _host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = subject, RequestedForId = _callerId, MemberId = member }, Actor.System);

    // A change is heard, then the circuits' batching window passes before they ask for the counts.
    private long ChangeHeardOneWindowAgo()
    {
        var heardAt = _host.Clock.GetTimestamp();
        _host.Clock.Advance(TicketChangeBatcher.Window);
        return heardAt;
    }

    private static int CountOf(IReadOnlyList<CountedTicketView> views, string key) => views.Single(v => v.View.Key == key).Count;

    [Fact]
    public async Task GetAsync_TwoCircuitsOfOnePerson_RunOneQueryForTheTick()
    {
        var heardAt = ChangeHeardOneWindowAgo();

        var first = await _counts.GetAsync(_ann.Id, AgentActor(_ann), heardAt);
        var second = await _counts.GetAsync(_ann.Id, Actor.Agent(_ann.Id, _ann.Name, [ConsoleRoles.Administrator]), heardAt);

        Assert.Equal(1, _counts.QueriesRun);
        Assert.Same(first, second);
        Assert.Equal(1, CountOf(first, "mine"));
    }

    [Fact]
    public async Task GetAsync_PeopleDiffer_RunAQueryEachWithTheirOwnMine()
    {
        var heardAt = ChangeHeardOneWindowAgo();

        var ann = await _counts.GetAsync(_ann.Id, AgentActor(_ann), heardAt);
        var sue = await _counts.GetAsync(_sue.Id, AgentActor(_sue), heardAt);

        Assert.Equal(2, _counts.QueriesRun);
        Assert.Equal(1, CountOf(ann, "mine"));
        Assert.Equal(0, CountOf(sue, "mine"));
    }

    [Fact]
    public async Task GetAsync_ScopesDiffer_NeverShareCounts()
    {
        var heardAt = ChangeHeardOneWindowAgo();
        var withoutConsoleRole = Actor.Agent(_ann.Id, _ann.Name, []);

        var agent = await _counts.GetAsync(_ann.Id, AgentActor(_ann), heardAt);
        var none = await _counts.GetAsync(_ann.Id, withoutConsoleRole, heardAt);

        Assert.Equal(2, _counts.QueriesRun);
        Assert.Equal(1, CountOf(agent, "all"));
        Assert.Equal(0, CountOf(none, "all"));
    }

    [Fact]
    public async Task GetAsync_SharedCountsStartedBeforeTheChangeWasHeard_RunAgainAndCountTheChange()
    {
        await _counts.GetAsync(_ann.Id, AgentActor(_ann), ChangeHeardOneWindowAgo());
        await CreateAsync("Scanner offline");

        var after = await _counts.GetAsync(_ann.Id, AgentActor(_ann), ChangeHeardOneWindowAgo());

        Assert.Equal(2, _counts.QueriesRun);
        Assert.Equal(2, CountOf(after, "all"));
        Assert.Equal(1, CountOf(after, "unassigned"));
    }

    [Fact]
    public async Task GetFreshAsync_AfterEarlierCounts_RunsItsOwnQuery()
    {
        await _counts.GetAsync(_ann.Id, AgentActor(_ann), ChangeHeardOneWindowAgo());

        await _counts.GetFreshAsync(_ann.Id, AgentActor(_ann));

        Assert.Equal(2, _counts.QueriesRun);
    }
}
