using Helpdesk.Core.Common;
using Helpdesk.Core.People;
using Helpdesk.Core.Teams;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Core.Tickets.Views;
using Helpdesk.Tests.TestSupport;

namespace Helpdesk.Tests.Core.Tickets.Views;

/// <summary>Who sees which administrator's view, and that a view counts what its list shows (through TicketViewCountsQuery).</summary>
public sealed class VisibleTicketViewsTests
{
    [Fact]
    public async Task ExecuteAsync_ViewsForRolesAndTeams_EachAgentSeesOnlyTheirs()
    {
        await using var host = await CoreTestHost.StartAsync();
        var agent = await host.AddPersonAsync("Ann Agent", "ann@helpdesk.test", PersonRoles.Agent);
        var supervisor = await host.AddPersonAsync("Sue Supervisor", "sue@helpdesk.test", PersonRoles.Agent | PersonRoles.Supervisor);
        var networker = await host.AddPersonAsync("Ned Network", "ned@helpdesk.test", PersonRoles.Agent);
        var network = await host.Get<SaveTeamCommand>().ExecuteAsync(new TeamInput(null, "Network", null, null, [networker.Id]));
        var save = host.Get<SaveTicketViewCommand>();
        await save.ExecuteAsync(new TicketViewInput { Name = "Everyone" });
        await save.ExecuteAsync(new TicketViewInput { Name = "Supervisors", Audience = ViewAudience.Roles, AudienceRoles = PersonRoles.Supervisor });
        await save.ExecuteAsync(new TicketViewInput { Name = "Network team", Audience = ViewAudience.Teams, AudienceTeamIds = [network] });

        async Task<IEnumerable<string>> CustomViewsOf(int? person) =>
            (await host.Get<TicketViewCountsQuery>().ExecuteAsync(person, Actor.System)).Skip(TicketViews.BuiltIn.Count).Select(v => v.View.Title);

        Assert.Equal(["Everyone"], await CustomViewsOf(agent.Id));
        Assert.Equal(["Everyone", "Supervisors"], await CustomViewsOf(supervisor.Id));
        Assert.Equal(["Everyone", "Network team"], await CustomViewsOf(networker.Id));
        Assert.Equal(["Everyone"], await CustomViewsOf(null));
    }

    [Fact]
    public async Task ExecuteAsync_FilteredView_CountsAndListsTheSameTicketsInItsSort()
    {
        await using var host = await CoreTestHost.StartAsync();
        var caller = await host.AddPersonAsync("Carl Caller", "carl@customer.test");
        var ann = await host.AddPersonAsync("Ann Agent", "ann@helpdesk.test", PersonRoles.Agent);
        var bob = await host.AddPersonAsync("Bob Agent", "bob@helpdesk.test", PersonRoles.Agent);
        var create = host.Get<CreateTicketCommand>();
        async Task<int> New(string subject, TicketImpact? impact, int? member, TicketStatus status = TicketStatus.Assigned) =>
            await create.ExecuteAsync(new NewTicket { Subject = subject, RequestedForId = caller.Id, Impact = impact, MemberId = member, Status = status }, Actor.System);
        var first = await New("Printer on fire", TicketImpact.High, ann.Id);
        var second = await New("Printer jammed", TicketImpact.High, ann.Id, TicketStatus.InProgress);
        await New("Printer low on toner", TicketImpact.Low, ann.Id);
        await New("Printer gone", TicketImpact.High, bob.Id);
        await New("Printer fixed", TicketImpact.High, ann.Id, TicketStatus.Closed);
        await Save(host, new TicketViewInput
        {
            Name = "My high printers", Statuses = TicketListFilter.Open, Assignee = ViewAssignee.Me, Impact = TicketImpact.High, Text = "Printer",
            Sort = TicketSortField.Number, Descending = false, Columns = [TicketListColumn.Number, TicketListColumn.Impact],
        });

        var custom = (await host.Get<TicketViewCountsQuery>().ExecuteAsync(ann.Id, Actor.System)).Last();
        var list = await host.Get<TicketListQuery>().ExecuteAsync(custom.View.Request(ann.Id), Actor.System);

        Assert.Equal(2, custom.Count);
        Assert.Equal([first, second], list.Items.Select(i => i.Id));
        Assert.Equal([TicketListColumn.Number, TicketListColumn.Impact], custom.View.Columns);
        Assert.Equal(1, (await host.Get<TicketViewCountsQuery>().ExecuteAsync(bob.Id, Actor.System)).Last().Count); // "Me" is whoever reads it
    }

    [Fact]
    public async Task ExecuteAsync_ViewForOnePersonOrUnassigned_FiltersOnTheAssignee()
    {
        await using var host = await CoreTestHost.StartAsync();
        var caller = await host.AddPersonAsync("Carl Caller", "carl@customer.test");
        var ann = await host.AddPersonAsync("Ann Agent", "ann@helpdesk.test", PersonRoles.Agent);
        var create = host.Get<CreateTicketCommand>();
        await create.ExecuteAsync(new NewTicket { Subject = "Ann's", RequestedForId = caller.Id, MemberId = ann.Id }, Actor.System);
        await create.ExecuteAsync(new NewTicket { Subject = "Nobody's", RequestedForId = caller.Id, Status = TicketStatus.New }, Actor.System);
        await create.ExecuteAsync(new NewTicket { Subject = "Nobody's either", RequestedForId = caller.Id, Status = TicketStatus.New }, Actor.System);
        await Save(host, new TicketViewInput { Name = "Ann", Assignee = ViewAssignee.Person, AssigneePersonId = ann.Id });
        await Save(host, new TicketViewInput { Name = "Nobody", Assignee = ViewAssignee.Unassigned });

        var counts = (await host.Get<TicketViewCountsQuery>().ExecuteAsync(null, Actor.System)).ToDictionary(v => v.View.Title, v => v.Count);

        Assert.Equal((1, 2), (counts["Ann"], counts["Nobody"]));
    }

    private static Task<int> Save(CoreTestHost host, TicketViewInput input) => host.Get<SaveTicketViewCommand>().ExecuteAsync(input);
}
