using Helpdesk.Core.Common;
using Helpdesk.Core.Departments;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Tests.TestSupport;

namespace Helpdesk.Tests.Core.Departments;

public sealed class DepartmentCommandsTests
{
    [Fact]
    public async Task SaveAsync_EmptyNameUnknownManagerAndMember_RefusedWithEachFieldMessage()
    {
        await using var host = await CoreTestHost.StartAsync();

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            host.Get<SaveDepartmentCommand>().ExecuteAsync(new DepartmentInput(null, " ", ManagerId: 4711, MemberIds: [4712])));

        Assert.Equal(["manager", "members", "name"], error.Errors.Keys.Order());
    }

    [Fact]
    public async Task SaveAsync_ManagerAndMembers_ListedWithNames()
    {
        await using var host = await CoreTestHost.StartAsync();
        var mona = await host.AddPersonAsync("Mona", "mona@helpdesk.test", PersonRoles.Agent);
        var max = await host.AddPersonAsync("Max", "max@helpdesk.test", PersonRoles.Agent);

        var id = await host.Get<SaveDepartmentCommand>().ExecuteAsync(new DepartmentInput(null, "IT", mona.Id, [mona.Id, max.Id]));

        var row = Assert.Single(await host.Get<DepartmentListQuery>().ExecuteAsync());
        Assert.Equal((id, "IT", "Mona"), (row.Id, row.Name, row.ManagerName));
        Assert.Equal(["Max", "Mona"], row.MemberNames);
    }

    [Fact]
    public async Task DeleteAsync_DepartmentWithTickets_RefusedAndKept()
    {
        await using var host = await CoreTestHost.StartAsync();
        var caller = await host.AddPersonAsync("Carl", "carl@customer.test");
        var id = await host.Get<SaveDepartmentCommand>().ExecuteAsync(new DepartmentInput(null, "IT", null, []));
        await host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "x", RequestedForId = caller.Id, DepartmentId = id }, Actor.System);

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => host.Get<DeleteDepartmentCommand>().ExecuteAsync(id));

        Assert.Equal("The department has 1 ticket(s); transfer them first. Nothing was deleted.", error.Errors["department"]);
        Assert.Single(await host.Get<DepartmentListQuery>().ExecuteAsync());
    }
}
