using Helpdesk.Core.ChangesAndProblems;
using Helpdesk.Core.Common;
using Helpdesk.Core.People;
using Helpdesk.Core.Teams;
using Helpdesk.Tests.TestSupport;

namespace Helpdesk.Tests.Core.ChangesAndProblems;

public sealed class ChangeOrProblemCommandsTests
{
    [Fact]
    public async Task SaveAsync_NewChangeThenEdit_ListShowsNumberManagerAndTeam()
    {
        await using var host = await CoreTestHost.StartAsync();
        var ann = await host.AddPersonAsync("Ann Agent", "ann@helpdesk.test", PersonRoles.Agent);
        var team = new Team { Name = "Network" };
        await using (var db = await host.DbAsync())
        {
            db.Add(team);
            await db.SaveChangesAsync();
        }
        var records = host.Get<ChangeOrProblemCommands>();

        var id = await records.SaveAsync(new ChangeOrProblemInput(null, ChangeOrProblemKind.Change, "  Replace core switch ", ChangeOrProblemStatus.Registered, null, null));
        await records.SaveAsync(new ChangeOrProblemInput(id, ChangeOrProblemKind.Change, "Replace core switch", ChangeOrProblemStatus.InProgress, ann.Id, team.Id));

        var row = Assert.Single(await records.ListAsync());
        Assert.Equal(($"CH-{id}", "Replace core switch", ChangeOrProblemStatus.InProgress, "Ann Agent", "Network", 0),
            (row.Number, row.Subject, row.Status, row.Manager, row.Team, row.Requests));
    }

    [Fact]
    public async Task SaveAsync_NoSubjectAndAManagerWhoIsNoAgent_RefusedFieldByFieldAndNothingSaved()
    {
        await using var host = await CoreTestHost.StartAsync();
        var carl = await host.AddPersonAsync("Carl Caller", "carl@customer.test");
        var records = host.Get<ChangeOrProblemCommands>();

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            records.SaveAsync(new ChangeOrProblemInput(null, ChangeOrProblemKind.Problem, " ", ChangeOrProblemStatus.Registered, carl.Id, 4711)));

        Assert.Equal(("A subject is required.", "The manager must be an agent.", "The team does not exist."),
            (error.Errors["subject"], error.Errors["manager"], error.Errors["team"]));
        Assert.Empty(await records.ListAsync());
    }

    [Fact]
    public async Task SaveAsync_ChangeSavedAsProblem_Refused()
    {
        await using var host = await CoreTestHost.StartAsync();
        var records = host.Get<ChangeOrProblemCommands>();
        var id = await records.SaveAsync(new ChangeOrProblemInput(null, ChangeOrProblemKind.Change, "Replace core switch", ChangeOrProblemStatus.Registered, null, null));

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            records.SaveAsync(new ChangeOrProblemInput(id, ChangeOrProblemKind.Problem, "Replace core switch", ChangeOrProblemStatus.Registered, null, null)));

        Assert.Contains("stays a change", error.Errors["kind"]);
        Assert.Equal(ChangeOrProblemKind.Change, Assert.Single(await records.ListAsync()).Kind);
    }
}
