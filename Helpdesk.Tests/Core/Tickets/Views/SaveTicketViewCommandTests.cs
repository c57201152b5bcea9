using Helpdesk.Core.Common;
using Helpdesk.Core.People;
using Helpdesk.Core.Teams;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Core.Tickets.Views;
using Helpdesk.Tests.TestSupport;

namespace Helpdesk.Tests.Core.Tickets.Views;

public sealed class SaveTicketViewCommandTests
{
    [Fact]
    public async Task ExecuteAsync_EveryRuleBroken_NamesEachFieldAndSavesNothing()
    {
        await using var host = await CoreTestHost.StartAsync();
        var input = new TicketViewInput
        {
            Name = " ", Text = new string('x', 201), TeamId = 999, Assignee = ViewAssignee.Person, Columns = [], Audience = ViewAudience.Roles,
        };

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => host.Get<SaveTicketViewCommand>().ExecuteAsync(input));

        Assert.Equal(["assignee", "audience", "columns", "name", "team", "text"], error.Errors.Keys.Order());
        Assert.Equal("Choose at least one role.", error.Errors["audience"]);
        Assert.Empty(await host.Get<SavedTicketViewListQuery>().ExecuteAsync());
    }

    [Theory]
    [InlineData("Open")]
    [InlineData("my tickets")]
    [InlineData("Escalations")]
    public async Task ExecuteAsync_NameTaken_RefusesOnTheNameField(string name)
    {
        await using var host = await CoreTestHost.StartAsync();
        await host.Get<SaveTicketViewCommand>().ExecuteAsync(new TicketViewInput { Name = "Escalations" });

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => host.Get<SaveTicketViewCommand>().ExecuteAsync(new TicketViewInput { Name = name }));

        Assert.Equal($"A view named {name} already exists.", error.Errors["name"]);
    }

    [Fact]
    public async Task ExecuteAsync_TeamAudienceWithoutTeams_AsksForATeam()
    {
        await using var host = await CoreTestHost.StartAsync();

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            host.Get<SaveTicketViewCommand>().ExecuteAsync(new TicketViewInput { Name = "Network", Audience = ViewAudience.Teams }));

        Assert.Equal("Choose at least one team.", Assert.Single(error.Errors).Value);
    }

    [Fact]
    public async Task ExecuteAsync_EditedView_KeepsItsPlaceAndTakesTheNewValues()
    {
        await using var host = await CoreTestHost.StartAsync();
        var save = host.Get<SaveTicketViewCommand>();
        var first = await save.ExecuteAsync(new TicketViewInput { Name = "First" });
        await save.ExecuteAsync(new TicketViewInput { Name = "Second" });

        await save.ExecuteAsync(new TicketViewInput
        {
            Id = first, Name = " Renamed ", Text = "  printer ", Sort = TicketSortField.CreatedAt, Descending = false,
            Columns = [TicketListColumn.Subject, TicketListColumn.Impact, TicketListColumn.Subject],
            Audience = ViewAudience.Roles, AudienceRoles = PersonRoles.Supervisor | PersonRoles.EndUser,
        });

        var views = await host.Get<SavedTicketViewListQuery>().ExecuteAsync();
        Assert.Equal(["Renamed", "Second"], views.Select(v => v.Name));
        var renamed = views[0];
        Assert.Equal(("printer", TicketSortField.CreatedAt, false), (renamed.Text, renamed.Sort, renamed.Descending));
        Assert.Equal([TicketListColumn.Subject, TicketListColumn.Impact], renamed.Columns);
        Assert.Equal(PersonRoles.Supervisor, renamed.AudienceRoles);
    }

    [Fact]
    public async Task MoveAndDelete_ThreeViews_ReorderAndRemove()
    {
        await using var host = await CoreTestHost.StartAsync();
        var save = host.Get<SaveTicketViewCommand>();
        var a = await save.ExecuteAsync(new TicketViewInput { Name = "A" });
        var b = await save.ExecuteAsync(new TicketViewInput { Name = "B" });
        var c = await save.ExecuteAsync(new TicketViewInput { Name = "C" });

        await host.Get<MoveTicketViewCommand>().ExecuteAsync(c, up: true);
        await host.Get<MoveTicketViewCommand>().ExecuteAsync(a, up: true);
        await host.Get<DeleteTicketViewCommand>().ExecuteAsync(b);

        Assert.Equal(["A", "C"], (await host.Get<SavedTicketViewListQuery>().ExecuteAsync()).Select(v => v.Name));
        await Assert.ThrowsAsync<NotFoundException>(() => host.Get<DeleteTicketViewCommand>().ExecuteAsync(b));
    }

    [Fact]
    public async Task ExecuteAsync_ChosenTeamsThatExist_Saves()
    {
        await using var host = await CoreTestHost.StartAsync();
        var team = await host.Get<SaveTeamCommand>().ExecuteAsync(new TeamInput(null, "Network", null, null, []));

        await host.Get<SaveTicketViewCommand>().ExecuteAsync(new TicketViewInput { Name = "Network", Audience = ViewAudience.Teams, AudienceTeamIds = [team, team] });

        Assert.Equal([team], Assert.Single(await host.Get<SavedTicketViewListQuery>().ExecuteAsync()).AudienceTeamIds);
    }
}
