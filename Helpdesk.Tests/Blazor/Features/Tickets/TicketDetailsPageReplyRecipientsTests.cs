using Bunit;
using Helpdesk.Blazor.Features.Tickets;
using Helpdesk.Blazor.Features.Tickets.Presence;
using Helpdesk.Blazor.Features.Tickets.Store;
using Helpdesk.Blazor.Flux;
using Helpdesk.Core.Common;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Contacts;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Blazor.Features.Tickets;

/// <summary>The reply composer's To and Cc chips are whom the email action's queries would mail, and follow the contacts.</summary>
public sealed class TicketDetailsPageReplyRecipientsTests : HelpdeskBunitContext
{
    protected override void ConfigureServices()
    {
        foreach (var type in new[] { typeof(ReplyRecipientsQuery), typeof(TicketContactsQuery), typeof(AddTicketContactCommand), typeof(RemoveTicketContactCommand) })
            Services.AddSingleton(type, _ => Host.Services.GetRequiredService(type));
        Services.AddSingleton<TicketPresenceRegistry>();
        LogInAsAgent("ann@helpdesk.test", "user-ann");
    }

    private async Task<int> TicketAsync(ActionStatus status, string? cc)
    {
        await AgentWithLoginAsync("Ann Agent", "ann@helpdesk.test", "user-ann");
        var caller = await Host.AddPersonAsync("Carl Caller", "carl@customer.test");
        var boss = await Host.AddPersonAsync("Bob Boss", "bob@customer.test");
        var id = await Host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "VPN down", RequestedForId = caller.Id }, Actor.System);
        await Host.Get<AddTicketContactCommand>().ExecuteAsync(new NewTicketContact(id, PersonId: boss.Id), Actor.System);
        await using var db = await Host.DbAsync();
        await db.Set<EmailAction>().ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, status).SetProperty(a => a.Cc, cc));
        return id;
    }

    private static List<string> Chips(IRenderedComponent<TicketDetailsPage> cut, string field) =>
        [.. cut.FindAll($"[data-testid=editor-public] [data-testid=recipients-{field}] [data-testid=recipient]").Select(c => c.TextContent.Trim())];

    [Fact]
    public async Task TicketDetailsPage_ActionMailsOnlyTheCaller_ChipsShowNoContactInCc()
    {
        var id = await TicketAsync(ActionStatus.Active, cc: null);

        var cut = Render<TicketDetailsPage>(p => p.Add(c => c.Id, id));

        cut.WaitForAssertion(() => Assert.Equal(["carl@customer.test"], Chips(cut, "to")));
        Assert.Empty(Chips(cut, "cc"));
        Assert.Empty(cut.FindAll("[data-testid=recipients-test-mode]"));
    }

    [Fact]
    public async Task TicketDetailsPage_SeededActionInTest_ChipsShowTheQueriesRecipientsWithTheTestHint()
    {
        var id = await TicketAsync(ActionStatus.Test, cc: "SELECT Person WHERE id IN :this->contacts_list");

        var cut = Render<TicketDetailsPage>(p => p.Add(c => c.Id, id));

        cut.WaitForAssertion(() => Assert.Equal(["bob@customer.test"], Chips(cut, "cc")));
        Assert.Equal(["carl@customer.test"], Chips(cut, "to"));
        Assert.Contains("Test mode: this mail goes to the test recipient", cut.Find("[data-testid=recipients-test-mode]").TextContent);
    }

    [Fact]
    public async Task TicketDetailsPage_ContactAdded_CcChipsFollow()
    {
        var id = await TicketAsync(ActionStatus.Active, cc: "SELECT Person WHERE id IN :this->contacts_list");
        var dana = await Host.AddPersonAsync("Dana Partner", "dana@partner.test");
        var cut = Render<TicketDetailsPage>(p => p.Add(c => c.Id, id));
        cut.WaitForAssertion(() => Assert.Equal(["bob@customer.test"], Chips(cut, "cc")));

        await cut.InvokeAsync(() => Services.GetRequiredService<IDispatcher>().Dispatch(new AddTicketContactAction(new NewTicketContact(id, PersonId: dana.Id))));

        cut.WaitForAssertion(() => Assert.Equal(["bob@customer.test", "dana@partner.test"], Chips(cut, "cc")));
    }
}
