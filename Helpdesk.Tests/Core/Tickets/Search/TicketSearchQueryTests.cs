using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Common;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Core.Tickets.Search;
using Helpdesk.Tests.TestSupport;
using Helpdesk.Tests.TestSupport.Builders;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Tickets.Search;

public sealed class TicketSearchQueryTests
{
    private static async Task<(CoreTestHost Host, int TicketId, Person Agent)> ArrangeAsync()
    {
        var host = await CoreTestHost.StartAsync();
        var agent = await host.AddPersonAsync("Ann Agent", "ann@helpdesk.test", PersonRoles.Agent);
        var caller = await host.AddPersonAsync("Carl Caller", "carl@customer.test");
        var id = await host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "VPN down", RequestedForId = caller.Id }, Actor.System);
        await host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "Printer jam", RequestedForId = agent.Id }, Actor.System);
        return (host, id, agent);
    }

    private static Task<long> AppendAsync(CoreTestHost host, int ticketId, Person agent, string text) =>
        host.Get<AppendCaseLogEntryCommand>().ExecuteAsync(
            new NewCaseLogEntry { TicketId = ticketId, Log = CaseLogKind.Private, Text = text }, CoreTestHost.AgentActor(agent));

    [Fact]
    public async Task ExecuteAsync_WordFromACaseLogEntry_FindsTheTicketWithAMarkedSnippet()
    {
        var (host, id, agent) = await ArrangeAsync();
        await using var _ = host;
        await AppendAsync(host, id, agent, "The <b>firewall</b> drops the tunnel after an hour.");

        var results = await host.Get<TicketSearchQuery>().ExecuteAsync("firewall", Actor.System);

        var hit = Assert.Single(results);
        Assert.Equal(id, hit.TicketId);
        Assert.Equal("Case log", hit.FoundIn);
        Assert.Contains("&lt;b&gt;<mark>firewall</mark>&lt;/b&gt; drops", hit.SnippetHtml);
    }

    [Fact]
    public async Task ExecuteAsync_SubjectEdited_FindsTheNewWordAndNotTheOld()
    {
        var (host, id, agent) = await ArrangeAsync();
        await using var _ = host;
        var ticket = (await host.Get<TicketDetailsQuery>().ExecuteAsync(id, Actor.System))!;

        await host.Get<UpdateTicketCommand>().ExecuteAsync(ticket.AsUpdate() with { Subject = "Tunnel drops hourly" }, CoreTestHost.AgentActor(agent));

        var search = host.Get<TicketSearchQuery>();
        Assert.Empty(await search.ExecuteAsync("VPN", Actor.System));
        Assert.Equal(id, Assert.Single(await search.ExecuteAsync("tunnel", Actor.System)).TicketId);
    }

    [Fact]
    public async Task ExecuteAsync_SenderAddress_FindsTheRequestersTicket()
    {
        var (host, id, _) = await ArrangeAsync();
        await using var __ = host;

        var results = await host.Get<TicketSearchQuery>().ExecuteAsync("carl@customer.test", Actor.System);

        Assert.Equal(id, Assert.Single(results).TicketId);
    }

    [Fact]
    public async Task ExecuteAsync_RequesterChanged_FindsTheTicketByTheNewRequestersAddressOnly()
    {
        var (host, id, agent) = await ArrangeAsync();
        await using var _ = host;
        var dora = await host.AddPersonAsync("Dora Dispatcher", "dora@elsewhere.test");
        var ticket = (await host.Get<TicketDetailsQuery>().ExecuteAsync(id, Actor.System))!;

        await host.Get<UpdateTicketCommand>().ExecuteAsync(ticket.AsUpdate() with { RequestedForId = dora.Id }, CoreTestHost.AgentActor(agent));

        var search = host.Get<TicketSearchQuery>();
        Assert.Empty(await search.ExecuteAsync("carl@customer.test", Actor.System));
        Assert.Equal(id, Assert.Single(await search.ExecuteAsync("dora@elsewhere.test", Actor.System)).TicketId);
    }

    [Fact]
    public async Task ExecuteAsync_PeoplesAddressesChanged_FindsTheirTicketsAndEntriesByTheNewAddressesOnly()
    {
        var (host, id, agent) = await ArrangeAsync();
        await using var _ = host;
        await AppendAsync(host, id, agent, "Restarted the concentrator.");
        var search = host.Get<TicketSearchQuery>();
        var annsTickets = (await search.ExecuteAsync("ann@helpdesk.test", Actor.System)).Select(r => r.TicketId).Distinct().Order().ToList();
        Assert.Equal(2, annsTickets.Count); // the ticket she asked for and the one she wrote in

        await ChangeAddressAsync(host, "ann@helpdesk.test", "ann@support.test");
        await ChangeAddressAsync(host, "carl@customer.test", "carl@example.test");

        Assert.Empty(await search.ExecuteAsync("ann@helpdesk.test", Actor.System));
        Assert.Empty(await search.ExecuteAsync("carl@customer.test", Actor.System));
        Assert.Equal(annsTickets, (await search.ExecuteAsync("ann@support.test", Actor.System)).Select(r => r.TicketId).Distinct().Order());
        Assert.Equal(id, Assert.Single(await search.ExecuteAsync("carl@example.test", Actor.System)).TicketId);
        var listed = await host.Get<TicketListQuery>().ExecuteAsync(new TicketListRequest { Text = "carl@example.test" }, Actor.System);
        Assert.Equal(id, Assert.Single(listed.Items).Id);
        Assert.Empty((await host.Get<TicketListQuery>().ExecuteAsync(new TicketListRequest { Text = "carl@customer.test" }, Actor.System)).Items);
    }

    private static async Task ChangeAddressAsync(CoreTestHost host, string from, string address)
    {
        await using var db = await host.DbAsync();
        var person = await db.Set<Person>().AsNoTracking().SingleAsync(p => p.PrimaryEmail == from);
        await host.Get<SavePersonCommand>().ExecuteAsync(new PersonInput(person.Id, person.Name, address, [], person.OrganizationId, person.Roles, person.IsActive));
    }

    [Fact]
    public async Task ExecuteAsync_OnlyOperatorsAndQuotes_ReturnsNothingInsteadOfFailing()
    {
        var (host, _, _) = await ArrangeAsync();
        await using var __ = host;

        Assert.Empty(await host.Get<TicketSearchQuery>().ExecuteAsync("\" * ( ) NEAR", Actor.System));
    }

    [Fact]
    public async Task TicketListQuery_TextIsAWordFromTheCaseLog_ListsTheTicket()
    {
        var (host, id, agent) = await ArrangeAsync();
        await using var _ = host;
        await AppendAsync(host, id, agent, "Replaced the token on the router.");

        var page = await host.Get<TicketListQuery>().ExecuteAsync(new TicketListRequest { Text = "router" }, Actor.System);

        Assert.Equal(id, Assert.Single(page.Items).Id);
    }

    [Theory]
    [InlineData("fire", true)]
    [InlineData("drops-the-tun", true)]
    [InlineData("wall", false)]
    [InlineData("tunnel-drops", false)]
    public async Task ExecuteAsync_PrefixesAndPhrases_MatchAsFts5DoesOnEveryProvider(string text, bool found)
    {
        var (host, id, agent) = await ArrangeAsync();
        await using var _ = host;
        await AppendAsync(host, id, agent, "The firewall drops the tunnel after an hour.");

        var results = await host.Get<TicketSearchQuery>().ExecuteAsync(text, Actor.System);

        Assert.Equal(found ? [id] : [], results.Select(r => r.TicketId));
    }
}
