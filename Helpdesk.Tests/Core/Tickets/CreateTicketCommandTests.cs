using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Common;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Events;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.TestSupport;

namespace Helpdesk.Tests.Core.Tickets;

public sealed class CreateTicketCommandTests
{
    [Fact]
    public async Task ExecuteAsync_ValidInput_StoresTicketWithDescriptionAndAudit()
    {
        await using var host = await CoreTestHost.StartAsync();
        var agent = await host.AddPersonAsync("Ann Agent", "ann@helpdesk.test", Helpdesk.Core.People.PersonRoles.Agent);
        var caller = await host.AddPersonAsync("Carl Caller", "carl@customer.test");

        var id = await host.Get<CreateTicketCommand>().ExecuteAsync(
            new NewTicket { Subject = "  Printer on fire ", RequestedForId = caller.Id, Description = "Smoke everywhere" },
            CoreTestHost.AgentActor(agent));

        var details = await host.Get<TicketDetailsQuery>().ExecuteAsync(id, Actor.System);
        Assert.NotNull(details);
        Assert.Equal("Printer on fire", details.Subject);
        Assert.Equal($"HD-{id}", details.Number);
        Assert.Equal(agent.Id, details.RequestedBy.Id);
        Assert.Equal("Smoke everywhere", Assert.Single(details.PublicLog).Html);
        Assert.Contains(details.Audit, a => a.Field == "ticket" && a.ActorName == "Ann Agent");
    }

    [Theory]
    [InlineData("", "subject")]
    [InlineData("   ", "subject")]
    public async Task ExecuteAsync_EmptySubject_ThrowsValidationWithSubjectError(string subject, string field)
    {
        await using var host = await CoreTestHost.StartAsync();
        var caller = await host.AddPersonAsync("Carl Caller", "carl@customer.test");

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = subject, RequestedForId = caller.Id }, Actor.System));

        Assert.Equal("A subject is required.", error.Errors[field]);
    }

    [Fact]
    public async Task ExecuteAsync_UnknownDepartmentHelpTopicAndSlaPlan_ThrowsOneFieldErrorEach()
    {
        await using var host = await CoreTestHost.StartAsync();
        var caller = await host.AddPersonAsync("Carl Caller", "carl@customer.test");

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => host.Get<CreateTicketCommand>().ExecuteAsync(
            new NewTicket { Subject = "Hello", RequestedForId = caller.Id, DepartmentId = 991, HelpTopicId = 992, SlaPlanId = 993 }, Actor.System));

        Assert.Equal("The department does not exist.", error.Errors[TicketFields.Department]);
        Assert.Equal("The help topic does not exist.", error.Errors[TicketFields.HelpTopic]);
        Assert.Equal("The SLA plan does not exist.", error.Errors[TicketFields.SlaPlan]);
    }

    [Fact]
    public async Task ExecuteAsync_TeamWithDefaultDepartment_TicketWithoutDepartmentTakesTheTeams()
    {
        await using var host = await CoreTestHost.StartAsync();
        var caller = await host.AddPersonAsync("Carl Caller", "carl@customer.test");
        var it = await Teams.SaveTeamCommandTests.AddDepartmentAsync(host, "IT");
        var facilities = await Teams.SaveTeamCommandTests.AddDepartmentAsync(host, "Facilities");
        var teamId = await host.Get<Helpdesk.Core.Teams.SaveTeamCommand>().ExecuteAsync(new Helpdesk.Core.Teams.TeamInput(null, "Network", null, null, [], it));
        var create = host.Get<CreateTicketCommand>();

        var defaulted = await create.ExecuteAsync(new NewTicket { Subject = "a", RequestedForId = caller.Id, TeamId = teamId }, Actor.System);
        var chosen = await create.ExecuteAsync(new NewTicket { Subject = "b", RequestedForId = caller.Id, TeamId = teamId, DepartmentId = facilities }, Actor.System);

        var details = host.Get<TicketDetailsQuery>();
        Assert.Equal(it, (await details.ExecuteAsync(defaulted, Actor.System))!.Department?.Id);
        Assert.Equal(facilities, (await details.ExecuteAsync(chosen, Actor.System))!.Department?.Id);
    }

    [Fact]
    public async Task ExecuteAsync_UnknownRequester_ThrowsValidationAndStoresNothing()
    {
        await using var host = await CoreTestHost.StartAsync();

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "Hello", RequestedForId = 999 }, Actor.System));

        Assert.Contains(TicketFields.RequestedFor, error.Errors.Keys);
        var list = await host.Get<TicketListQuery>().ExecuteAsync(new TicketListRequest(), Actor.System);
        Assert.Equal(0, list.TotalCount);
    }

    [Fact]
    public async Task ExecuteAsync_Created_PublishesToChangeFeedAfterCommit()
    {
        await using var host = await CoreTestHost.StartAsync();
        var caller = await host.AddPersonAsync("Carl Caller", "carl@customer.test");
        var received = new TaskCompletionSource<TicketChanged>();
        using var _ = host.Get<ITicketChangeFeed>().Subscribe(c => { received.TrySetResult(c); return Task.CompletedTask; });

        var id = await host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "Hello", RequestedForId = caller.Id }, Actor.System);

        var change = await received.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(new TicketChanged(id, TicketChangeKind.Created, null, host.Clock.GetUtcNow().UtcDateTime) { ChangeId = change.ChangeId, KnownAt = change.KnownAt }, change);
        Assert.True(change.ChangeId > 0);
        Assert.True(change.KnownAt > 0);
    }

    private static async Task<TicketDetails> CreateWithDesiredCompletionAsync(CoreTestHost host, TimeSpan desiredIn)
    {
        var caller = await host.AddPersonAsync("Carl Caller", "carl@customer.test");
        var plan = new Helpdesk.Core.Correspondence.SlaPlan { Name = "4 hours", GracePeriodHours = 4 };
        await using (var db = await host.DbAsync())
        {
            db.Add(plan);
            await db.SaveChangesAsync();
        }
        var id = await host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket
        {
            Subject = "Monitoring event", RequestedForId = caller.Id, SlaPlanId = plan.Id,
            DesiredCompletionAt = host.Clock.GetUtcNow().UtcDateTime + desiredIn,
        }, Actor.System);
        return (await host.Get<TicketDetailsQuery>().ExecuteAsync(id, Actor.System))!;
    }

    [Fact]
    public async Task ExecuteAsync_DesiredCompletionLaterThanSlaTarget_BecomesTheResolutionTarget()
    {
        await using var host = await CoreTestHost.StartAsync();
        var desired = host.Clock.GetUtcNow().UtcDateTime.AddHours(10);

        var details = await CreateWithDesiredCompletionAsync(host, TimeSpan.FromHours(10));

        Assert.Equal(desired, details.ResolutionTargetAt);
        Assert.Contains(details.Audit, a => a.Field == "resolution_target_at" && a.Note!.Contains("later than the SLA target"));
    }

    [Fact]
    public async Task ExecuteAsync_DesiredCompletionEarlierThanSlaTarget_KeepsTheSlaTargetAndSaysSo()
    {
        await using var host = await CoreTestHost.StartAsync();

        var details = await CreateWithDesiredCompletionAsync(host, TimeSpan.FromHours(1));

        Assert.Null(details.ResolutionTargetAt); // the SLA plan's 4 hours still decide when it is overdue
        Assert.Contains(details.Audit, a => a.Field == "resolution_target_at"
            && a.Note == $"Desired completion {host.Clock.GetUtcNow().UtcDateTime.AddHours(1):u} is earlier than the SLA's resolution target {host.Clock.GetUtcNow().UtcDateTime.AddHours(4):u}; the SLA target was kept.");
    }
}
