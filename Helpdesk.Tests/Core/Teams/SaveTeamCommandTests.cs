using Helpdesk.Core.Common;
using Helpdesk.Core.Teams;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Tests.TestSupport;

namespace Helpdesk.Tests.Core.Teams;

public sealed class SaveTeamCommandTests
{
    [Fact]
    public async Task ExecuteAsync_LeadNotListed_BecomesMember()
    {
        await using var host = await CoreTestHost.StartAsync();
        var lead = await host.AddPersonAsync("Dana", "dana@helpdesk.test");

        var id = await host.Get<SaveTeamCommand>().ExecuteAsync(new TeamInput(null, "Network", "Network", lead.Id, []));

        var team = Assert.Single(await host.Get<TeamListQuery>().ExecuteAsync());
        Assert.Equal((id, "network", lead.Id), (team.Id, team.InboundLocalPart, team.LeadId));
        Assert.Equal([lead.Id], team.MemberIds);
    }

    [Theory]
    [InlineData("net work")]
    [InlineData("-net")]
    [InlineData("nét")]
    public async Task ExecuteAsync_BadLocalPart_IsRefused(string localPart)
    {
        await using var host = await CoreTestHost.StartAsync();

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => host.Get<SaveTeamCommand>().ExecuteAsync(new TeamInput(null, "Network", localPart, null, [])));

        Assert.Contains("lower-case letters", error.Errors["inboundLocalPart"]);
    }

    [Fact]
    public async Task ExecuteAsync_LocalPartOfAnotherTeam_IsRefused()
    {
        await using var host = await CoreTestHost.StartAsync();
        await host.Get<SaveTeamCommand>().ExecuteAsync(new TeamInput(null, "Network", "network", null, []));

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => host.Get<SaveTeamCommand>().ExecuteAsync(new TeamInput(null, "Net 2", "NETWORK", null, [])));

        Assert.Equal("Another team already receives mail at \"network\".", error.Errors["inboundLocalPart"]);
    }

    [Fact]
    public async Task ExecuteAsync_DefaultDepartment_IsSavedAndListed()
    {
        await using var host = await CoreTestHost.StartAsync();
        var departmentId = await AddDepartmentAsync(host, "IT");

        await host.Get<SaveTeamCommand>().ExecuteAsync(new TeamInput(null, "Network", null, null, [], departmentId));

        var team = Assert.Single(await host.Get<TeamListQuery>().ExecuteAsync());
        Assert.Equal((departmentId, "IT"), (team.DepartmentId, team.DepartmentName));
    }

    [Fact]
    public async Task ExecuteAsync_UnknownDefaultDepartment_IsRefused()
    {
        await using var host = await CoreTestHost.StartAsync();

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => host.Get<SaveTeamCommand>().ExecuteAsync(new TeamInput(null, "Network", null, null, [], 404)));

        Assert.Equal("The department does not exist.", error.Errors["department"]);
    }

    internal static async Task<int> AddDepartmentAsync(CoreTestHost host, string name)
    {
        await using var db = await host.DbAsync();
        var department = new Helpdesk.Core.Departments.Department { Name = name };
        db.Add(department);
        await db.SaveChangesAsync();
        return department.Id;
    }

    [Fact]
    public async Task DeleteTeamCommand_TeamUsedByTicket_IsRefusedAndKept()
    {
        await using var host = await CoreTestHost.StartAsync();
        var caller = await host.AddPersonAsync("Carl", "carl@customer.test");
        var teamId = await host.Get<SaveTeamCommand>().ExecuteAsync(new TeamInput(null, "Network", null, null, []));
        await host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "x", RequestedForId = caller.Id, TeamId = teamId }, Actor.System);

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => host.Get<DeleteTeamCommand>().ExecuteAsync(teamId));

        Assert.Contains("1 ticket(s)", error.Message);
        Assert.Single(await host.Get<TeamListQuery>().ExecuteAsync());
    }
}
