using Helpdesk.Core.Common;
using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Departments;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Correspondence;

public sealed class CorrespondenceSetupCommandsTests : IAsyncLifetime
{
    private CoreTestHost _host = default!;
    private Person _caller = default!;

    public async Task InitializeAsync()
    {
        _host = await CoreTestHost.StartAsync();
        _caller = await _host.AddPersonAsync("Carl Caller", "carl@customer.test");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private CorrespondenceSetupCommands Setup => _host.Get<CorrespondenceSetupCommands>();

    private Task<int> CreateTicketAsync(int? helpTopicId = null, int? slaPlanId = null, int? departmentId = null) =>
        _host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket
        {
            Subject = "Printer", RequestedForId = _caller.Id, HelpTopicId = helpTopicId, SlaPlanId = slaPlanId, DepartmentId = departmentId,
        }, new Actor(_caller.Id, _caller.Name, ActorKind.Customer));

    [Fact]
    public async Task DeleteHelpTopicAsync_UsedByATicket_RefusedWithTheTicket()
    {
        var topic = await Setup.SaveHelpTopicAsync(null, "Printers", false);
        var ticket = await CreateTicketAsync(helpTopicId: topic);

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Setup.DeleteHelpTopicAsync(topic));

        Assert.Equal($"The help topic Printers is used by 1 ticket(s), e.g. HD-{ticket}; give them another one first.", error.Errors["delete"]);
        Assert.Single((await Setup.ViewAsync()).HelpTopics);
    }

    [Fact]
    public async Task DeleteHelpTopicAsync_Unused_Deleted()
    {
        var topic = await Setup.SaveHelpTopicAsync(null, "Printers", false);

        await Setup.DeleteHelpTopicAsync(topic);

        Assert.Empty((await Setup.ViewAsync()).HelpTopics);
    }

    [Fact]
    public async Task DeleteSlaPlanAsync_UsedByATicket_RefusedAndUnusedDeleted()
    {
        var used = await Setup.SaveSlaPlanAsync(null, "Gold", 4);
        var unused = await Setup.SaveSlaPlanAsync(null, "Bronze", 48);
        await CreateTicketAsync(slaPlanId: used);

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Setup.DeleteSlaPlanAsync(used));
        await Setup.DeleteSlaPlanAsync(unused);

        Assert.StartsWith("The SLA plan Gold is used by 1 ticket(s)", error.Errors["delete"]);
        Assert.Equal(["Gold"], (await Setup.ViewAsync()).SlaPlans.Select(p => p.Name));
    }

    [Fact]
    public async Task DeleteGroupAsync_RemovesTheGroupButNotItsMembersOrDepartments()
    {
        var agent = await _host.AddPersonAsync("Gus Group", "gus@helpdesk.test", PersonRoles.Agent);
        await using (var db = await _host.DbAsync())
        {
            db.Add(new Department { Name = "IT" });
            await db.SaveChangesAsync();
        }
        var departmentId = (await Setup.ViewAsync()).Departments.Single().Id;
        var group = await Setup.SaveGroupAsync(null, "Night shift", [agent.Id], [departmentId]);

        await Setup.DeleteGroupAsync(group);

        var setup = await Setup.ViewAsync();
        Assert.Empty(setup.Groups);
        Assert.Single(setup.Departments);
        await using var check = await _host.DbAsync();
        Assert.True(await check.Set<Person>().AnyAsync(p => p.Id == agent.Id));
    }

    [Fact]
    public async Task SaveHelpTopicAsync_ExistingTopicRenamedAndSwitchedOff_OneTopicWithTheNewValues()
    {
        var topic = await Setup.SaveHelpTopicAsync(null, "Printers", false);

        await Setup.SaveHelpTopicAsync(topic, "Printers and scanners", true);

        Assert.Equal([(topic, "Printers and scanners", true, (int?)null)], (await Setup.ViewAsync()).HelpTopics);
    }

    [Fact]
    public async Task SaveSlaPlanAsync_ExistingPlanEdited_KeepsItsIdAndNewHours()
    {
        var plan = await Setup.SaveSlaPlanAsync(null, "Gold", 4);

        await Setup.SaveSlaPlanAsync(plan, "Gold+", 2);

        Assert.Equal([(plan, "Gold+", 2)], (await Setup.ViewAsync()).SlaPlans);
    }

    [Fact]
    public async Task SetDepartmentSwitchesAsync_AutorespondersOff_NextNewTicketGetsNoAutoresponse()
    {
        await using (var db = await _host.DbAsync())
        {
            db.Add(new Department { Name = "IT" });
            await db.SaveChangesAsync();
        }
        var department = (await Setup.ViewAsync()).Departments.Single();

        await Setup.SetDepartmentSwitchesAsync(department.Id, autorespondersDisabled: true, alertsDisabled: false);
        await CreateTicketAsync(departmentId: department.Id);

        Assert.Equal((true, false), ((await Setup.ViewAsync()).Departments.Single().AutorespondersDisabled, (await Setup.ViewAsync()).Departments.Single().AlertsDisabled));
        await using var check = await _host.DbAsync();
        var kind = CorrespondenceMail.Kind(CorrespondenceKind.NewTicketAutoresponse);
        Assert.False(await check.Set<OutboxMessage>().AnyAsync(m => m.Kind == kind));
    }
}
