using Helpdesk.Core.Tickets.Views;
using Helpdesk.Core.Attachments;
using Helpdesk.Core.CaseLog.Drafts;
using Helpdesk.Core.CaseLog.RemoteImages;
using Helpdesk.Core.Common;
using Helpdesk.Core.Mail;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Contacts;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Core.Tickets.Search;
using Helpdesk.Tests.TestSupport;
using Helpdesk.Tests.TestSupport.Builders;
using Helpdesk.Tests.TestSupport.Http;

namespace Helpdesk.Tests.Core.Security;

/// <summary>Every Core query that returns ticket data, asked by each kind of actor (see <see cref="Helpdesk.Core.Security.TicketAccess"/>).</summary>
public sealed class TicketQueriesAccessTests(TicketQueriesAccessTests.Scenario scenario) : IClassFixture<TicketQueriesAccessTests.Scenario>
{
    private TicketSeenByEveryRole Ticket => scenario.Ticket;

    /// <summary>Whether the asker sees the ticket's public conversation, and its private log and history.</summary>
    public static TheoryData<Asker, bool, bool> Sight => new()
    {
        { Asker.Agent, true, true },
        { Asker.Supervisor, true, true },
        { Asker.Administrator, true, true },
        { Asker.LoginWithoutConsoleRole, false, false },
        { Asker.CustomerRequester, true, false },
        { Asker.CustomerStranger, false, false },
    };

    /// <summary>Whether the asker sees the ticket at all.</summary>
    public static TheoryData<Asker, bool> SeesTicket => new()
    {
        { Asker.Agent, true },
        { Asker.Supervisor, true },
        { Asker.Administrator, true },
        { Asker.LoginWithoutConsoleRole, false },
        { Asker.CustomerRequester, true },
        { Asker.CustomerStranger, false },
    };

    /// <summary>Whether the asker works the queue (lists, search, counts, drafts): console roles only.</summary>
    public static TheoryData<Asker, bool> Console => new()
    {
        { Asker.Agent, true },
        { Asker.Supervisor, true },
        { Asker.Administrator, true },
        { Asker.LoginWithoutConsoleRole, false },
        { Asker.CustomerRequester, false },
        { Asker.CustomerStranger, false },
    };

    [Theory]
    [MemberData(nameof(Sight))]
    public async Task TicketDetailsQuery_ByAsker_ReturnsThePrivateLogHistoryAndInternalMailOnlyToThoseWhoMaySeeThem(Asker asker, bool seesTicket, bool seesPrivate)
    {
        var query = scenario.Host.Get<TicketDetailsQuery>();
        if (!seesTicket)
        {
            var error = await Assert.ThrowsAsync<AccessDeniedException>(() => query.ExecuteAsync(Ticket.TicketId, Ticket.As(asker)));
            Assert.Equal($"You may not see ticket {TicketNumber.Format(Ticket.TicketId)}.", error.Message);
            return;
        }

        var details = (await query.ExecuteAsync(Ticket.TicketId, Ticket.As(asker)))!;

        var publicEntry = Assert.Single(details.PublicLog, e => e.Id == Ticket.PublicEntryId);
        Assert.Equal(Ticket.PublicFileId, Assert.Single(publicEntry.Attachments).Id);
        Assert.Contains(publicEntry.Mails, m => m.OutboxId == Ticket.PublicEntryMailId);
        Assert.Equal(seesPrivate, details.PrivateLog.Any(e => e.Id == Ticket.PrivateEntryId && e.Attachments.Any(a => a.Id == Ticket.PrivateFileId)));
        Assert.Equal(seesPrivate, details.Audit.Any(a => a.Field == "status"));
        Assert.Equal(seesPrivate, details.Mails.Any(m => m.OutboxId == Ticket.PrivateEntryMailId));
        Assert.Equal(seesPrivate, details.Mails.Any(m => m.OutboxId == Ticket.NotificationMailId));
    }

    [Theory]
    [MemberData(nameof(SeesTicket))]
    public async Task TicketContactsQuery_ByAsker_ListsTheContactsToThoseWhoSeeTheTicket(Asker asker, bool seesTicket)
    {
        var query = scenario.Host.Get<TicketContactsQuery>();
        if (!seesTicket)
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() => query.ExecuteAsync(Ticket.TicketId, Ticket.As(asker)));
            return;
        }

        Assert.Equal(Ticket.ContactId, Assert.Single(await query.ExecuteAsync(Ticket.TicketId, Ticket.As(asker))).Id);
    }

    [Theory]
    [MemberData(nameof(Sight))]
    public async Task AttachmentContentQuery_ByAsker_ServesAPrivateEntrysFileOnlyToThoseWhoSeeThePrivateLog(Asker asker, bool seesTicket, bool seesPrivate)
    {
        var query = scenario.Host.Get<AttachmentContentQuery>();

        Assert.Equal(seesTicket, await query.ExecuteAsync(Ticket.PublicFileId, Ticket.As(asker)) is { FileName: "Public.txt" });
        Assert.Equal(seesPrivate, await query.ExecuteAsync(Ticket.PrivateFileId, Ticket.As(asker)) is { FileName: "Private.txt" });
    }

    [Theory]
    [MemberData(nameof(Sight))]
    public async Task RemoteImageQuery_ByAsker_FetchesAnEntrysImageOnlyForThoseWhoSeeTheEntry(Asker asker, bool seesTicket, bool seesPrivate)
    {
        var query = scenario.Host.Get<RemoteImageQuery>();

        Assert.Equal(seesTicket, await query.ExecuteAsync(Ticket.PublicEntryId, 0, Ticket.As(asker)) is not null);
        Assert.Equal(seesPrivate, await query.ExecuteAsync(Ticket.PrivateEntryId, 0, Ticket.As(asker)) is not null);
    }

    [Theory]
    [MemberData(nameof(Console))]
    public async Task CaseLogDraftsQuery_ByAsker_ReturnsAnnsDraftToHerConsoleLoginOnly(Asker asker, bool console)
    {
        var drafts = await scenario.Host.Get<CaseLogDraftsQuery>().ExecuteAsync(Ticket.TicketId, Ticket.As(asker));

        Assert.Equal(console, drafts.Any(d => d.Text == "Half a thought"));
    }

    [Fact]
    public async Task CaseLogDraftsQuery_AnotherAgent_DoesNotGetAnnsDraft()
    {
        var person = await scenario.Host.AddPersonAsync("Bob Agent", "bob@helpdesk.test", Helpdesk.Core.People.PersonRoles.Agent);
        var bob = CoreTestHost.AgentActor(person);

        Assert.Empty(await scenario.Host.Get<CaseLogDraftsQuery>().ExecuteAsync(Ticket.TicketId, bob));
    }

    [Theory]
    [InlineData(Asker.Agent, false)]
    [InlineData(Asker.Supervisor, false)]
    [InlineData(Asker.Administrator, true)]
    [InlineData(Asker.LoginWithoutConsoleRole, false)]
    [InlineData(Asker.CustomerRequester, false)]
    [InlineData(Asker.CustomerStranger, false)]
    public async Task RawMailQuery_ByAsker_GivesTheOriginalMailToAdministratorsOnly(Asker asker, bool administrator)
    {
        var query = scenario.Host.Get<RawMailQuery>();
        var actor = Ticket.As(asker);

        Assert.Equal(administrator, await query.InboundAsync(Ticket.ReceivedMailId, actor) is not null);
        Assert.Equal(administrator, await query.OutboundAsync(Ticket.PublicEntryMailId, actor) is not null);
        Assert.Equal(administrator, await query.OutboundAsync(Ticket.MailWithoutTicketId, actor) is not null);
    }

    [Theory]
    [InlineData(Asker.Agent, false)]
    [InlineData(Asker.Supervisor, false)]
    [InlineData(Asker.Administrator, true)]
    [InlineData(Asker.LoginWithoutConsoleRole, false)]
    [InlineData(Asker.CustomerRequester, false)]
    [InlineData(Asker.CustomerStranger, false)]
    public async Task MailLogQueries_ByAsker_ListTicketsMailsToAdministratorsOnly(Asker asker, bool administrator)
    {
        var actor = Ticket.As(asker);

        var sent = await scenario.Host.Get<OutboxListQuery>().ExecuteAsync(null, 0, 50, actor);
        var received = await scenario.Host.Get<InboundMailListQuery>().ExecuteAsync(null, 0, 50, actor);

        Assert.Equal(administrator, sent.Items.Any(m => m.Id == Ticket.PublicEntryMailId) && sent.TotalCount > 0);
        Assert.Equal(administrator, received.Items.Any(m => m.Id == Ticket.ReceivedMailId) && received.TotalCount > 0);
    }

    [Theory]
    [MemberData(nameof(Console))]
    public async Task TicketListQuery_ByAsker_ListsTicketsToConsoleRolesOnly(Asker asker, bool console)
    {
        var page = await scenario.Host.Get<TicketListQuery>().ExecuteAsync(new TicketListRequest(), Ticket.As(asker));

        Assert.Equal(console, page.Items.Any(t => t.Id == Ticket.TicketId));
        Assert.Equal(console, page.TotalCount > 0 && page.StatusCounts.Count > 0);
    }

    [Theory]
    [MemberData(nameof(Console))]
    public async Task TicketSearchQuery_ByAsker_FindsTicketsForConsoleRolesOnly(Asker asker, bool console)
    {
        var found = await scenario.Host.Get<TicketSearchQuery>().ExecuteAsync("printer", Ticket.As(asker));

        Assert.Equal(console, found.Any(t => t.TicketId == Ticket.TicketId));
    }

    [Theory]
    [MemberData(nameof(Console))]
    public async Task TicketViewCountsQuery_ByAsker_CountsTicketsForConsoleRolesOnly(Asker asker, bool console)
    {
        var counts = await scenario.Host.Get<TicketViewCountsQuery>().ExecuteAsync(Ticket.Ann.Id, Ticket.As(asker));

        Assert.Equal(TicketViews.BuiltIn.Select(v => v.Key).Order(), counts.Select(c => c.View.Key).Order());
        Assert.Equal(console, counts.Single(c => c.View.Key == "all").Count > 0);
    }

    /// <summary>One host and ticket for the whole class: every query here only reads.</summary>
    public sealed class Scenario : IAsyncLifetime
    {
        private LoopbackImageServer _images = default!;

        public CoreTestHost Host { get; private set; } = default!;
        public TicketSeenByEveryRole Ticket { get; private set; } = default!;

        public async Task InitializeAsync()
        {
            _images = await LoopbackImageServer.StartAsync();
            Host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Security:RemoteImages:AllowPrivateNetworks"] = "true" });
            Ticket = await TicketSeenByEveryRole.BuildAsync(Host, $"{_images.BaseUrl}/pixel.png");
        }

        public async Task DisposeAsync()
        {
            await Host.DisposeAsync();
            await _images.DisposeAsync();
        }
    }
}
