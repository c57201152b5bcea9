using Bunit;
using Helpdesk.Blazor.Features.Tickets;
using Helpdesk.Blazor.Features.Tickets.Live;
using Helpdesk.Blazor.Features.Tickets.Store;
using Helpdesk.Blazor.Flux;
using Helpdesk.Core.Common;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Teams;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Events;
using Helpdesk.Tests.TestSupport;
using Helpdesk.Tests.TestSupport.Builders;
using Helpdesk.Blazor.Features.Shell;
using Helpdesk.Core.Accounts;
using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Security.Claims;
using MudBlazor;

namespace Helpdesk.Tests.Blazor.Features.Tickets;

public sealed class TicketListPageTests : HelpdeskBunitContext
{
    protected override void ConfigureServices()
    {
        LogInAsAgent("ann@helpdesk.test", "user-ann");
    }

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private IRenderedComponent<TicketListPage> RenderAt(string relativeUri)
    {
        Navigation.NavigateTo(relativeUri);
        return Render<TicketListPage>();
    }

    private Task<Person> AnnWithLoginAsync() => AgentWithLoginAsync("Ann Agent", "ann@helpdesk.test", "user-ann");
    private async Task SeedAsync(int count)
    {
        var caller = await Host.AddPersonAsync("Alice Walker", "alice@customer.test");
        for (var i = 1; i <= count; i++)
        {
            Host.Clock.Advance(TimeSpan.FromMinutes(1));
            await Host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket
            {
                Subject = $"Ticket {i:00}",
                RequestedForId = caller.Id,
                Status = i % 3 == 0 ? TicketStatus.Completed : TicketStatus.Assigned,
            }, Actor.System);
        }
    }

    /// <summary>Five tickets on the list, its live bridge listening; the seeding's own changes have passed.</summary>
    private async Task<(IRenderedComponent<TicketListPage> List, IRenderedComponent<TicketsLiveUpdates> Bridge)> OpenLiveListAsync()
    {
        await AnnWithLoginAsync();
        await SeedAsync(5);
        var cut = RenderAt("tickets?view=all");
        var bridge = Render<TicketsLiveUpdates>();
        cut.WaitForAssertion(() => Assert.Equal(5, Rows(cut)));
        return (cut, bridge);
    }

    /// <summary>
    /// Lets the seeded tickets' changes reach the live bridge and their reload pass (its batcher runs on the host's clock),
    /// so that no reload is left waiting for the next advance of the clock.
    /// </summary>
    private async Task SettleLiveUpdatesAsync()
    {
        await Task.Delay(300);
        Host.Clock.Advance(TicketChangeBatcher.Window * 2);
        await Task.Delay(300);
    }

    private static int Rows(IRenderedComponent<TicketListPage> cut) => cut.FindAll("[data-testid=ticket-subject]").Count;

    [Fact]
    public async Task TicketListPage_TextTypedInTheSearchField_ListsTheMatchingTicketsAndKeepsTheTextInTheAddress()
    {
        await AnnWithLoginAsync();
        await SeedAsync(12);
        var cut = RenderAt("tickets?view=all");
        cut.WaitForAssertion(() => Assert.Equal(12, Rows(cut)));

        await cut.Find("[data-testid=filter-text]").InputAsync(new ChangeEventArgs { Value = "Ticket 11" });

        cut.WaitForAssertion(() => Assert.Equal(["Ticket 11"], cut.FindAll("[data-testid=ticket-subject]").Select(c => c.TextContent)));
        Assert.Contains("q=Ticket", Navigation.Uri);

        await cut.Find("[data-testid=filter-text] ~ button[aria-label=Clear]").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());
        cut.WaitForAssertion(() => Assert.Equal(12, Rows(cut)));
    }

    [Fact]
    public async Task TicketListPage_SecondPageSelected_ShowsTheRemainingTickets()
    {
        await AnnWithLoginAsync();
        await SeedAsync(30);
        var cut = RenderAt("tickets?view=all");
        cut.WaitForAssertion(() => Assert.Equal(25, Rows(cut)));
        Assert.Contains("30 tickets", cut.Find("[data-testid=ticket-total]").TextContent);

        Assert.True(cut.Find("[data-testid=pager] [aria-label='Previous page']").HasAttribute("disabled"));
        cut.Find("[data-testid=pager] [aria-label='Page 2']").Click();

        cut.WaitForAssertion(() => Assert.Equal(5, Rows(cut)));
        Assert.Equal("2", cut.Find("[data-testid=pager] [aria-current=page]").TextContent);
        Assert.True(cut.Find("[data-testid=pager] [aria-label='Next page']").HasAttribute("disabled"));
        cut.Find("[data-testid=pager] [aria-label='Previous page']").Click();
        cut.WaitForAssertion(() => Assert.Equal(25, Rows(cut)));
    }

    [Fact]
    public async Task TicketListPage_PerPageChanged_ShowsThatManyRowsAndKeepsItInTheAddress()
    {
        await AnnWithLoginAsync();
        await SeedAsync(30);
        var cut = RenderAt("tickets?view=all");
        cut.WaitForAssertion(() => Assert.Equal(25, Rows(cut)));
        Assert.Equal(["10", "25", "50", "100"], cut.FindAll("[data-testid=page-size] option").Select(o => o.GetAttribute("value")));

        cut.Find("[data-testid=page-size]").Change("10");

        cut.WaitForAssertion(() => Assert.Equal(10, Rows(cut)));
        Assert.Contains("size=10", Navigation.Uri);
        Assert.Equal("10", cut.Find("[data-testid=page-size]").GetAttribute("value"));
        Assert.NotNull(cut.Find("[data-testid=pager] [aria-label='Page 3']"));
    }

    [Theory]
    [InlineData("1000000")]
    [InlineData("lots")]
    public async Task TicketListPage_PerPageSentThatTheListDoesNotOffer_IsIgnored(string sent)
    {
        await AnnWithLoginAsync();
        await SeedAsync(30);
        var cut = RenderAt("tickets?view=all");
        cut.WaitForAssertion(() => Assert.Equal(25, Rows(cut)));

        cut.Find("[data-testid=page-size]").Change(sent);

        Assert.Equal(25, Rows(cut));
        Assert.DoesNotContain("size=", Navigation.Uri);
        Assert.Equal("25", cut.Find("[data-testid=page-size]").GetAttribute("value"));
    }

    [Fact]
    public async Task TicketListPage_TeamAndAssigneeChosen_ListsOnlyTheirTicketsAndClearsBackToAll()
    {
        var ann = await AnnWithLoginAsync();
        var caller = await Host.AddPersonAsync("Alice Walker", "alice@customer.test");
        Team network, desk;
        await using (var db = await Host.DbAsync())
        {
            (network, desk) = (new Team { Name = "Network" }, new Team { Name = "Service Desk" });
            db.AddRange(network, desk);
            await db.SaveChangesAsync();
        }
        async Task AddAsync(string subject, int teamId, int? memberId) => await Host.Get<CreateTicketCommand>().ExecuteAsync(
            new NewTicket { Subject = subject, RequestedForId = caller.Id, TeamId = teamId, MemberId = memberId }, Actor.System);
        await AddAsync("Router down", network.Id, ann.Id);
        await AddAsync("Switch noisy", network.Id, null);
        await AddAsync("Printer jams", desk.Id, null);
        var cut = RenderAt("tickets?view=all");
        cut.WaitForAssertion(() => Assert.Equal(3, Rows(cut)));
        string[] Subjects() => [.. cut.FindAll("[data-testid=ticket-subject]").Select(c => c.TextContent).Order()];
        // The filters' choices load beside the rows, not with them.
        cut.WaitForAssertion(() => Assert.Equal(["Any", "Network", "Service Desk"], cut.FindAll("[data-testid=filter-team] option").Select(o => o.TextContent)));
        Assert.Equal(["Anyone", "Me", "Unassigned"], cut.FindAll("[data-testid=filter-member] option").Select(o => o.TextContent).Take(3));

        cut.Find("[data-testid=filter-team]").Change(network.Id.ToString());
        cut.WaitForAssertion(() => Assert.Equal(["Router down", "Switch noisy"], Subjects()));
        Assert.Contains($"team={network.Id}", Navigation.Uri);

        cut.Find("[data-testid=filter-member]").Change("none");
        cut.WaitForAssertion(() => Assert.Equal(["Switch noisy"], Subjects()));
        cut.Find("[data-testid=filter-member]").Change("me");
        cut.WaitForAssertion(() => Assert.Equal(["Router down"], Subjects()));
        Assert.Equal("me", cut.Find("[data-testid=filter-member]").GetAttribute("value"));

        cut.Find("[data-testid=filter-member]").Change("");
        cut.Find("[data-testid=filter-team]").Change("");
        cut.WaitForAssertion(() => Assert.Equal(["Printer jams", "Router down", "Switch noisy"], Subjects()));
        Assert.DoesNotContain("team=", Navigation.Uri);
        Assert.DoesNotContain("assignee=", Navigation.Uri);
    }

    [Fact]
    public async Task TicketListPage_StatusChipClicked_ListsOnlyThatStatusWithItsCount()
    {
        await AnnWithLoginAsync();
        await SeedAsync(30);
        var cut = RenderAt("tickets?view=all");
        cut.WaitForAssertion(() => Assert.Contains("Completed (10)", cut.Find("[data-testid=status-filters]").TextContent));

        // The page may still render from loading (its views, lookups): the chip is looked up afresh until a click lands.
        cut.WaitForAssertion(() => cut.Find("[data-testid=status-Completed]").Click());

        cut.WaitForAssertion(() => Assert.Equal(10, Rows(cut)));
        Assert.EndsWith("/tickets?status=Completed", Navigation.Uri);
        Assert.All(cut.FindAll("[data-testid=status-chip]"), chip => Assert.Equal("Completed", chip.TextContent.Trim()));
    }

    [Fact]
    public async Task TicketListPage_SubjectHeadingClickedTwice_SortsBySubjectDescendingThenAscending()
    {
        await AnnWithLoginAsync();
        await SeedAsync(3);
        var cut = RenderAt("tickets?view=all");
        cut.WaitForAssertion(() => Assert.Equal(3, Rows(cut)));
        string[] Subjects() => [.. cut.FindAll("[data-testid=ticket-subject]").Select(c => c.TextContent)];
        string? SubjectSort() => cut.Find("[data-testid=column-Subject]").GetAttribute("aria-sort");
        Assert.Equal("none", SubjectSort());

        // The page may still render from loading (its views, lookups): the heading is looked up afresh until a click lands.
        cut.WaitForAssertion(() => cut.Find("[data-testid=sort-Subject]").Click());
        cut.WaitForAssertion(() => Assert.Equal(["Ticket 03", "Ticket 02", "Ticket 01"], Subjects()));
        Assert.Equal("descending", SubjectSort());
        Assert.NotNull(cut.Find("[data-testid=sort-Subject] svg"));

        cut.WaitForAssertion(() => cut.Find("[data-testid=sort-Subject]").Click());
        cut.WaitForAssertion(() => Assert.Equal(["Ticket 01", "Ticket 02", "Ticket 03"], Subjects()));
        Assert.Equal("ascending", SubjectSort());
        Assert.Empty(cut.FindAll("[data-testid=sort-Number] svg"));
    }

    [Fact]
    public async Task TicketListPage_TicketCreatedElsewhere_AppearsWithoutReload()
    {
        await AnnWithLoginAsync();
        await SeedAsync(2);
        var cut = Render<TicketListPage>();
        var bridge = Render<TicketsLiveUpdates>();
        cut.WaitForAssertion(() => Assert.Equal(2, Rows(cut)));

        var caller = await Host.AddPersonAsync("Bob Stone", "bob@customer.test");
        await Host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "Printer on fire", RequestedForId = caller.Id }, Actor.System);

        cut.WaitForAssertion(() =>
        {
            Host.Clock.Advance(TicketChangeBatcher.Window); // the circuit's change batcher runs on the host's clock
            Assert.Contains(cut.FindAll("[data-testid=ticket-subject]"), c => c.TextContent == "Printer on fire");
        });
        bridge.Dispose();
    }

    [Fact]
    public async Task TicketListPage_TicketChangedElsewhere_ItsRowShowsAtOnceBeforeTheCoalescedReload()
    {
        var (cut, bridge) = await OpenLiveListAsync();
        var state = Services.GetRequiredService<IState<TicketListState>>();
        var changedId = state.Value.Items[3].Id;
        Host.Clock.Advance(TimeSpan.FromMinutes(1)); // the changed ticket moves to the top of the list by UpdatedAt
        await SettleLiveUpdatesAsync();
        var reloads = 0;
        Services.GetRequiredService<IActionSubscriber>().SubscribeToAction<LoadTicketsAction>(this, _ => Interlocked.Increment(ref reloads));
        await Host.Services.RenameTicketAsync(changedId, "Changed elsewhere");

        // The host's clock stands still, so the batcher's reload never comes: the row is the patch's.
        cut.WaitForAssertion(() => Assert.Equal("Changed elsewhere", cut.FindAll("[data-testid=ticket-subject]")[0].TextContent));
        Assert.Equal(0, Volatile.Read(ref reloads));
        Assert.Equal(5, Rows(cut));
        Assert.Contains("hd-row-changed", cut.FindAll("tr.mud-table-row")[1].ClassName); // under the header row

        await Eventually.WaitUntilAsync(() =>
        {
            Host.Clock.Advance(TicketChangeBatcher.Window);
            return Volatile.Read(ref reloads) > 0;
        });
        await Eventually.WaitUntilAsync(() => state.Value.IsLoading == false);
        await Task.Delay(200); // the reload's result, which shows what the patch showed
        Assert.Equal("Changed elsewhere", cut.FindAll("[data-testid=ticket-subject]")[0].TextContent);
        Assert.Equal(5, Rows(cut));
        bridge.Dispose();
    }

    [Fact]
    public async Task TicketListPage_BrowserBehindWithRenders_AChangeWaitsForTheReloadWithoutARowQuery()
    {
        var (cut, bridge) = await OpenLiveListAsync();
        var shared = Services.GetRequiredService<SharedTicketListResults>();
        var pace = Services.GetRequiredService<TicketListBrowserPace>();
        for (var i = 0; i <= TicketListBrowserPace.MostUnshown; i++) pace.Rendering(); // not shown yet
        var changedId = Services.GetRequiredService<IState<TicketListState>>().Value.Items[3].Id;
        Host.Clock.Advance(TimeSpan.FromMinutes(1)); // the changed ticket moves to the top of the list by UpdatedAt
        await SettleLiveUpdatesAsync();
        var rowQueries = shared.RowQueriesRun;
        await Host.Services.RenameTicketAsync(changedId, "Changed elsewhere");
        await Task.Delay(300);

        Assert.NotEqual("Changed elsewhere", cut.FindAll("[data-testid=ticket-subject]")[0].TextContent);
        cut.WaitForAssertion(() =>
        {
            Host.Clock.Advance(TicketChangeBatcher.Window);
            Assert.Equal("Changed elsewhere", cut.FindAll("[data-testid=ticket-subject]")[0].TextContent);
        });
        Assert.Equal(rowQueries, shared.RowQueriesRun);
        bridge.Dispose();
    }

    [Fact]
    public async Task TicketListPage_OneTicketChangedElsewhere_ItsRowIsNewOnTopAndTheOthersRenderNoMore()
    {
        await AnnWithLoginAsync();
        await SeedAsync(5);
        var cut = RenderAt("tickets?view=all");
        cut.WaitForAssertion(() => Assert.Equal(5, Rows(cut)));
        var rowsBefore = cut.FindComponents<TicketListRow>().Select(r => r.Instance).ToHashSet();
        var changedId = Services.GetRequiredService<IState<TicketListState>>().Value.Items[2].Id;

        Host.Clock.Advance(TimeSpan.FromMinutes(1)); // the changed ticket moves to the top of the list by UpdatedAt
        await Host.Services.RenameTicketAsync(changedId, "Changed elsewhere");
        await cut.InvokeAsync(() => Services.GetRequiredService<IDispatcher>().Dispatch(new TicketsChangedExternallyAction(
            [new TicketChanged(changedId, TicketChangeKind.Updated, null, DateTime.UtcNow)], Host.Clock.GetTimestamp())));

        cut.WaitForAssertion(() => Assert.Equal("Changed elsewhere", cut.FindAll("[data-testid=ticket-subject]")[0].TextContent));
        // The changed ticket's row is a new one on top (no row moves in the DOM), and the rows it passed stay as they were.
        var rows = cut.FindComponents<TicketListRow>();
        var others = rows.Where(r => r.Instance.Ticket.Id != changedId).ToList();
        Assert.Equal(4, others.Count);
        Assert.All(others, row => Assert.Contains(row.Instance, rowsBefore));
        Assert.All(others, row => Assert.Equal(1, row.RenderCount));
        Assert.DoesNotContain(rows.Single(r => r.Instance.Ticket.Id == changedId).Instance, rowsBefore);
    }

    [Fact]
    public async Task TicketListPage_FullPage_TableWithItsSortableHeadingsFitsInTwoHundredFiftySixRenderTreeFrames()
    {
        await AnnWithLoginAsync();
        await SeedAsync(25);
        var cut = RenderAt("tickets?view=all");
        cut.WaitForAssertion(() => Assert.Equal(25, Rows(cut)));

        // The headings are the page's, rendered in the table's tree; each row is a component and its three parameters.
        // At 257 frames the table would keep 512 per buffer, two buffers, for every open list.
        var table = cut.FindComponent<TicketListTable>();
        Assert.True(cut.FindAll("thead button[data-testid^=sort-]").Count >= 5, "the headings are not the sortable ones");
        Assert.InRange(RenderTreeFrames.Count(this, table), 1, 256);
    }

    [Fact]
    public async Task TicketListPage_TicketChangedElsewhere_NeitherFiltersNorFooterRenderAgainNorDoViewCounts()
    {
        await AnnWithLoginAsync();
        await SeedAsync(3);
        var cut = RenderAt("tickets?view=all");
        cut.WaitForAssertion(() => Assert.Equal(3, Rows(cut)));
        var dispatcher = Services.GetRequiredService<IDispatcher>();
        var counted = await Host.Get<Helpdesk.Core.Tickets.Views.TicketViewCountsQuery>().ExecuteAsync(null, await Services.GetRequiredService<CurrentActor>().GetAsync());
        await cut.InvokeAsync(() => dispatcher.Dispatch(new LoadViewCountsSucceededAction(counted)));
        var (table, filters, footer) = (cut.FindComponent<TicketListTable>(), cut.FindComponent<TicketFilterBar>(), cut.FindComponent<TicketListFooter>());
        var (filtersBefore, footerBefore) = (filters.RenderCount, footer.RenderCount);
        var changedId = Services.GetRequiredService<IState<TicketListState>>().Value.Items[1].Id;

        await Host.Services.RenameTicketAsync(changedId, "Changed elsewhere");
        await cut.InvokeAsync(() => dispatcher.Dispatch(new TicketsChangedExternallyAction(
            [new TicketChanged(changedId, TicketChangeKind.Updated, null, DateTime.UtcNow)], Host.Clock.GetTimestamp())));

        cut.WaitForAssertion(() => Assert.Contains("Changed elsewhere", cut.Markup));
        Assert.Equal(filtersBefore, filters.RenderCount);
        Assert.Equal(footerBefore, footer.RenderCount);

        // The views' counts moving (another agent's change) show in the navigation; the list has nothing new to show.
        var views = Services.GetRequiredService<IState<TicketViewsState>>();
        var recounted = (await Host.Get<Helpdesk.Core.Tickets.Views.TicketViewCountsQuery>().ExecuteAsync(null, await Services.GetRequiredService<CurrentActor>().GetAsync()))
            .Select(v => v with { Count = v.Count + 1 }).ToList(); // views built anew, as every count reload builds them
        var (tableBefore, countsBefore) = (table.RenderCount, views.Value);
        await cut.InvokeAsync(() => dispatcher.Dispatch(new LoadViewCountsSucceededAction(recounted, AfterChanges: true)));
        Assert.NotSame(countsBefore, views.Value);
        Assert.Equal(tableBefore, table.RenderCount);
    }

    [Fact]
    public async Task TicketListPage_TicketChangedElsewhere_ItsRowIsTintedForAMomentAfterItsLatestChange()
    {
        await AnnWithLoginAsync();
        await SeedAsync(3);
        var cut = RenderAt("tickets?view=all");
        cut.WaitForAssertion(() => Assert.Equal(3, Rows(cut)));
        var state = Services.GetRequiredService<IState<TicketListState>>();
        var changedId = state.Value.Items[1].Id;
        var dispatcher = Services.GetRequiredService<IDispatcher>();
        Task ChangedElsewhere() => cut.InvokeAsync(() => dispatcher.Dispatch(new TicketsChangedExternallyAction(
            [new TicketChanged(changedId, TicketChangeKind.Updated, null, DateTime.UtcNow)], Host.Clock.GetTimestamp())));
        string[] Tinted() => [.. cut.FindAll("tbody tr.hd-row-changed").Select(r => r.QuerySelector("[data-testid=ticket-link]")!.TextContent)];
        var number = TicketNumber.Format(changedId);

        await ChangedElsewhere();
        cut.WaitForAssertion(() => Assert.Equal([number], Tinted()));

        Host.Clock.Advance(TimeSpan.FromSeconds(2));
        var changedAgainAt = Host.Clock.GetTimestamp();
        await ChangedElsewhere(); // changed again: tinted on from this change
        // Its reload has landed (and the tint's end is timed on the host's clock) before the clock moves on.
        await Eventually.WaitUntilAsync(() => state.Value.RecentlyChanged.TryGetValue(changedId, out var at) && at == changedAgainAt);
        Host.Clock.Advance(TimeSpan.FromSeconds(1.5));
        cut.WaitForAssertion(() => Assert.Equal([number], Tinted()));

        Host.Clock.Advance(TimeSpan.FromSeconds(1.5));
        cut.WaitForAssertion(() => Assert.Empty(Tinted()));
        Assert.Empty(cut.FindAll("[style*=animation], .hd-row-changed"));
    }

    [Fact]
    public async Task TicketListPage_ViewChanged_ItsTitleAndColumnsAppearOnlyWithItsRows()
    {
        await AnnWithLoginAsync();
        await SeedAsync(9);
        var cut = RenderAt("tickets?view=all");
        cut.WaitForAssertion(() => Assert.Equal(9, Rows(cut)));
        // Renders happen on the renderer's thread (later ones too, e.g. for the view counts): read a copy under the lock.
        var shown = new List<(string Title, int Rows)>();
        (string Title, int Rows)[] Shown() { lock (shown) return [.. shown]; }
        cut.OnMarkupUpdated += (_, _) => { lock (shown) shown.Add((cut.Find("[data-testid=list-title]").TextContent, Rows(cut))); };

        Navigation.NavigateTo("tickets?view=open");

        cut.WaitForAssertion(() => Assert.Equal(("Open", 6), Shown().LastOrDefault()));
        // Between the click and the open tickets' arrival the list still shows all nine: its title must still say so.
        Assert.DoesNotContain(("Open", 9), Shown());
        Assert.All(Shown(), s => Assert.Equal(s.Title == "Open" ? 6 : 9, s.Rows));
    }

    [Fact]
    public async Task TicketListPage_LogAppendedOffThePageOfAListByNumber_IsSkippedAndAFieldChangeReloads()
    {
        await AnnWithLoginAsync();
        await SeedAsync(30);
        var cut = RenderAt("tickets?view=all&sort=Number");
        cut.WaitForAssertion(() => Assert.Equal(25, Rows(cut)));
        var loads = 0;
        Services.GetRequiredService<IActionSubscriber>().SubscribeToAction<LoadTicketsAction>(this, _ => Interlocked.Increment(ref loads));
        var dispatcher = Services.GetRequiredService<IDispatcher>();
        var lowest = Services.GetRequiredService<IState<TicketListState>>().Value.Items.Min(t => t.Id);
        var offThePage = lowest - 1;

        await cut.InvokeAsync(() => dispatcher.Dispatch(new TicketsChangedExternallyAction(
            [new TicketChanged(offThePage, TicketChangeKind.CaseLogAppended, null, DateTime.UtcNow)], Host.Clock.GetTimestamp())));

        await cut.InvokeAsync(() => dispatcher.Dispatch(new TicketsChangedExternallyAction(
            [new TicketChanged(offThePage, TicketChangeKind.Updated, null, DateTime.UtcNow)], Host.Clock.GetTimestamp())));
        await Eventually.WaitUntilAsync(() => Volatile.Read(ref loads) > 0);
        await Task.Delay(200);

        Assert.Equal(1, Volatile.Read(ref loads)); // the first change, dispatched before, reloaded nothing
    }

    [Fact]
    public async Task TicketListPage_NoFilterInTheUrl_ShowsTheOpenView()
    {
        await AnnWithLoginAsync();
        await SeedAsync(30);

        var cut = Render<TicketListPage>();

        cut.WaitForAssertion(() => Assert.Equal(20, Rows(cut)));
        Assert.Equal("Open", cut.Find("[data-testid=list-title]").TextContent);
        Assert.DoesNotContain(cut.FindAll("[data-testid=status-chip]"), chip => chip.TextContent.Trim() == "Completed");
    }

    [Fact]
    public async Task TicketListPage_BackAfterAFilter_ShowsThePreviousList()
    {
        await AnnWithLoginAsync();
        await SeedAsync(30);
        var cut = RenderAt("tickets?view=all");
        cut.WaitForAssertion(() => Assert.Equal(25, Rows(cut)));
        // The page may still render from loading (its views, lookups): the chip is looked up afresh until a click lands.
        cut.WaitForAssertion(() => cut.Find("[data-testid=status-Completed]").Click());
        cut.WaitForAssertion(() => Assert.Equal(10, Rows(cut)));

        Navigation.NavigateTo("tickets?view=all");

        cut.WaitForAssertion(() => Assert.Equal(25, Rows(cut)));
        Assert.Equal("All", cut.Find("[data-testid=list-title]").TextContent);
    }

    [Fact]
    public async Task TicketListPage_MyTicketsView_ListsOnlyTheAgentsOpenTickets()
    {
        var ann = await AnnWithLoginAsync();
        await SeedAsync(3);
        var mine = await Host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "Mine", RequestedForId = ann.Id, MemberId = ann.Id }, Actor.System);

        var cut = RenderAt("tickets?view=mine");

        cut.WaitForAssertion(() => Assert.Equal("Mine", Assert.Single(cut.FindAll("[data-testid=ticket-subject]")).TextContent));
        Assert.Equal("My tickets", cut.Find("[data-testid=list-title]").TextContent);
        Assert.True(mine > 0);
    }

    private static void Tick(IRenderedComponent<TicketListPage> cut, int row) =>
        cut.FindAll("tbody tr input[type=checkbox]")[row].Change(true);

    [Fact]
    public async Task TicketListPage_ThreeRowsTickedAndAssignedToMe_AssignsEachAndSaysHowMany()
    {
        await AnnWithLoginAsync();
        await SeedAsync(5);
        var popovers = Render<MudPopoverProvider>();
        var cut = RenderAt("tickets?view=all");
        cut.WaitForAssertion(() => Assert.Equal(5, Rows(cut)));


        foreach (var row in new[] { 0, 1, 2 }) Tick(cut, row);
        cut.WaitForAssertion(() => Assert.Equal("3 selected", cut.Find("[data-testid=bulk-count]").TextContent));
        cut.Find("[data-testid=bulk-assign] button").Click();
        popovers.WaitForElement("[data-testid=bulk-assign-me]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Assigned to me: 3 tickets.", cut.Find("[data-testid=bulk-outcome]").TextContent), TimeSpan.FromSeconds(10));
        await using var db = await Host.DbAsync();
        Assert.Equal(3, await db.Set<Ticket>().CountAsync(t => t.Member!.Name == "Ann Agent"));
        Assert.Empty(cut.FindAll("[data-testid=bulk-bar]"));
    }

    [Fact]
    public async Task TicketListPage_OneTickedTicketChangedMeanwhile_ReportsItAndClosesTheOthers()
    {
        await AnnWithLoginAsync();
        await SeedAsync(2);
        var cut = RenderAt("tickets?view=all");
        cut.WaitForAssertion(() => Assert.Equal(2, Rows(cut)));
        Tick(cut, 0);
        Tick(cut, 1);
        cut.WaitForAssertion(() => Assert.Equal("2 selected", cut.Find("[data-testid=bulk-count]").TextContent));
        await using (var db = await Host.DbAsync())
            await db.Set<Ticket>().Where(t => t.Subject == "Ticket 01").ExecuteUpdateAsync(s => s.SetProperty(t => t.Version, t => t.Version + 1));

        cut.Find("[data-testid=bulk-close]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Closed: 1 ticket.", cut.Find("[data-testid=bulk-outcome]").TextContent), TimeSpan.FromSeconds(10));
        var failure = cut.Find("[data-testid=bulk-failure]");
        Assert.Contains("HD-1", failure.TextContent);
        Assert.Contains("was changed by", failure.TextContent);
        cut.WaitForAssertion(() => Assert.Equal("1 selected", cut.Find("[data-testid=bulk-count]").TextContent));
    }
}
