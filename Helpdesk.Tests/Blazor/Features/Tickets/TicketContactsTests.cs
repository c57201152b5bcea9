using System.Security.Claims;
using Bunit;
using Helpdesk.Blazor.Components.Shared;
using Helpdesk.Blazor.Features.Shell;
using Helpdesk.Blazor.Features.Tickets;
using Helpdesk.Core.Accounts;
using Helpdesk.Core.Common;
using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Contacts;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.TestSupport;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Helpdesk.Tests.Blazor.Features.Tickets;

public sealed class TicketContactsTests : HelpdeskBunitContext
{
    protected override void ConfigureServices()
    {
        foreach (var type in new[] { typeof(TicketContactsQuery), typeof(AddTicketContactCommand), typeof(RemoveTicketContactCommand) })
            Services.AddSingleton(type, _ => Host.Services.GetRequiredService(type));
        LogInAsAgent("ann@helpdesk.test", "user-ann");
    }

    private async Task<int> ArrangeAsync()
    {
        await AgentWithLoginAsync("Ann Agent", "ann@helpdesk.test", "user-ann");
        var caller = await Host.AddPersonAsync("Carl Caller", "carl@customer.test");
        return await Host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "VPN down", RequestedForId = caller.Id }, Actor.System);
    }

    [Fact]
    public async Task TicketContacts_ExistingContact_IsListed()
    {
        var id = await ArrangeAsync();
        var bob = await Host.AddPersonAsync("Bob Boss", "bob@customer.test");
        await Host.Get<AddTicketContactCommand>().ExecuteAsync(new NewTicketContact(id, PersonId: bob.Id), Actor.System);

        var cut = Render<TicketContacts>(p => p.Add(c => c.TicketId, id));

        cut.WaitForAssertion(() => Assert.Equal("Bob Boss <bob@customer.test>", cut.Find("[data-testid=ticket-contact]").TextContent.Trim()));
    }

    [Fact]
    public async Task TicketContacts_PersonPickedAndAdded_ListsThemAndClearsThePicker()
    {
        var id = await ArrangeAsync();
        var bob = await Host.AddPersonAsync("Bob Boss", "bob@customer.test");
        var cut = Render<TicketContacts>(p => p.Add(c => c.TicketId, id));
        cut.WaitForAssertion(() => cut.Find("[data-testid=no-contacts]"));

        await cut.InvokeAsync(() => cut.FindComponent<PersonPicker>().Instance.ValueChanged.InvokeAsync(new PersonRef(bob.Id, bob.Name, bob.PrimaryEmail)));
        await cut.InvokeAsync(() => cut.Find("[data-testid=add-contact]").Click());

        cut.WaitForAssertion(() => Assert.Contains("Bob Boss", cut.Find("[data-testid=ticket-contact]").TextContent));
        cut.WaitForAssertion(() => Assert.Null(cut.FindComponent<PersonPicker>().Instance.Value));
        Assert.Equal(bob.Id, Assert.Single(await Host.Get<TicketContactsQuery>().ExecuteAsync(id, Actor.System)).Id);
    }

    [Fact]
    public async Task TicketContacts_NewAddressTyped_CreatesAndListsTheContact()
    {
        var id = await ArrangeAsync();
        var cut = Render<TicketContacts>(p => p.Add(c => c.TicketId, id));
        cut.WaitForAssertion(() => cut.Find("[data-testid=no-contacts]"));

        await cut.InvokeAsync(() => cut.FindComponent<MudTextField<string>>().Instance.ValueChanged.InvokeAsync("dora@partner.test"));
        await cut.InvokeAsync(() => cut.Find("[data-testid=add-contact]").Click());

        cut.WaitForAssertion(() => Assert.Contains("dora@partner.test", cut.Find("[data-testid=ticket-contact]").TextContent));
    }

    [Fact]
    public async Task TicketContacts_InvalidAddress_ShowsTheErrorAndKeepsTheText()
    {
        var id = await ArrangeAsync();
        var cut = Render<TicketContacts>(p => p.Add(c => c.TicketId, id));
        cut.WaitForAssertion(() => cut.Find("[data-testid=no-contacts]"));

        await cut.InvokeAsync(() => cut.FindComponent<MudTextField<string>>().Instance.ValueChanged.InvokeAsync("not an address"));
        await cut.InvokeAsync(() => cut.Find("[data-testid=add-contact]").Click());

        cut.WaitForAssertion(() => Assert.Contains("type an email address", cut.Find("[data-testid=contacts-error]").TextContent));
        Assert.Equal("not an address", cut.Find("input[data-testid=contact-email], [data-testid=contact-email] input").GetAttribute("value"));
    }

    [Fact]
    public async Task TicketContacts_ChipClosed_RemovesTheContact()
    {
        var id = await ArrangeAsync();
        var bob = await Host.AddPersonAsync("Bob Boss", "bob@customer.test");
        await Host.Get<AddTicketContactCommand>().ExecuteAsync(new NewTicketContact(id, PersonId: bob.Id), Actor.System);
        var cut = Render<TicketContacts>(p => p.Add(c => c.TicketId, id));
        cut.WaitForAssertion(() => cut.Find("[data-testid=ticket-contact]"));

        await cut.InvokeAsync(() => cut.FindComponent<MudChip<string>>().Instance.OnClose.InvokeAsync(cut.FindComponent<MudChip<string>>().Instance));

        cut.WaitForAssertion(() => cut.Find("[data-testid=no-contacts]"));
        Assert.Empty(await Host.Get<TicketContactsQuery>().ExecuteAsync(id, Actor.System));
        var audit = (await Host.Get<TicketDetailsQuery>().ExecuteAsync(id, Actor.System))!.Audit;
        Assert.Contains(audit, a => a.Field == "contacts" && a.OldValue == "Bob Boss <bob@customer.test>" && a.ActorName == "Ann Agent");
    }
}
