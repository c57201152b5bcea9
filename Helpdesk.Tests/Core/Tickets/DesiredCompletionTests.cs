using Helpdesk.Core.Common;
using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.TestSupport;
using Helpdesk.Tests.TestSupport.Builders;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Tickets;

/// <summary>4me's "Desired Completion Set for Request" notice and the resolution target that follows the desired completion.</summary>
public sealed class DesiredCompletionTests
{
    private static readonly DateTime Later = new(2026, 11, 5, 9, 0, 0, DateTimeKind.Utc);

    private static async Task<List<OutboxMessage>> NoticesAsync(CoreTestHost host)
    {
        await using var db = await host.DbAsync();
        var kind = CorrespondenceMail.Kind(CorrespondenceKind.DesiredCompletionNotice);
        return await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Kind == kind).OrderBy(m => m.Id).ToListAsync();
    }

    [Fact]
    public async Task UpdateTicket_DesiredCompletionSetChangedAndRemoved_RequestedByIsToldEachTimeAndTheTargetFollows()
    {
        await using var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Mail:Inbound:AccountAddress"] = "support@helpdesk.test" });
        var plan = await host.Get<CorrespondenceSetupCommands>().SaveSlaPlanAsync(null, "Standard", 8);
        var agent = await host.AddPersonAsync("Ann Agent", "ann@helpdesk.test", PersonRoles.Agent);
        var bob = await host.AddPersonAsync("Bob Boss", "bob@customer.test");
        var carl = await host.AddPersonAsync("Carl Caller", "carl@customer.test");
        var id = await host.Get<CreateTicketCommand>().ExecuteAsync(
            new NewTicket { Subject = "New laptop", RequestedForId = carl.Id, RequestedById = bob.Id, SlaPlanId = plan }, CoreTestHost.AgentActor(agent));
        var update = host.Get<UpdateTicketCommand>();
        async Task<TicketDetails> Details() => (await host.Get<TicketDetailsQuery>().ExecuteAsync(id, Actor.System))!;
        var actor = CoreTestHost.AgentActor(agent);
        Assert.Empty(await NoticesAsync(host));

        await update.ExecuteAsync((await Details()).AsUpdate() with { DesiredCompletionAt = Later }, actor);
        var set = await Details();
        await update.ExecuteAsync(set.AsUpdate() with { DesiredCompletionAt = new DateTime(2026, 11, 2, 10, 0, 0, DateTimeKind.Utc) }, actor);
        var earlier = await Details();
        await update.ExecuteAsync(earlier.AsUpdate() with { DesiredCompletionAt = Later }, actor);
        await update.ExecuteAsync((await Details()).AsUpdate() with { DesiredCompletionAt = null }, actor);
        var removed = await Details();

        Assert.Equal(Later, set.ResolutionTargetAt);
        Assert.Null(earlier.ResolutionTargetAt); // earlier than the plan's 17:00 target: the plan's target applies again
        Assert.Equal((null, null), (removed.DesiredCompletionAt, removed.ResolutionTargetAt));
        var notices = await NoticesAsync(host);
        Assert.Equal(4, notices.Count);
        Assert.All(notices, m => Assert.Equal("\"Bob Boss\" <bob@customer.test>", m.To));
        Assert.Contains(removed.Audit, a => a.Field == "desired_completion_at" && a.NewValue == null);
    }

    [Fact]
    public async Task CreateTicket_WithoutDesiredCompletion_NoNotice()
    {
        await using var host = await CoreTestHost.StartAsync();
        var carl = await host.AddPersonAsync("Carl Caller", "carl@customer.test");

        await host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "New laptop", RequestedForId = carl.Id }, Actor.System);

        Assert.Empty(await NoticesAsync(host));
    }

    [Fact]
    public async Task PreviewAsync_DesiredCompletionNotice_RendersTheTemplateForRequestedBy()
    {
        await using var host = await CoreTestHost.StartAsync();
        var bob = await host.AddPersonAsync("Bob Boss", "bob@customer.test");
        var carl = await host.AddPersonAsync("Carl Caller", "carl@customer.test");
        var id = await host.Get<CreateTicketCommand>().ExecuteAsync(
            new NewTicket { Subject = "New laptop", RequestedForId = carl.Id, RequestedById = bob.Id, DesiredCompletionAt = Later }, Actor.System);
        var templates = host.Get<CorrespondenceTemplateCommands>();

        await templates.SaveAsync(CorrespondenceKind.DesiredCompletionNotice, "Agreed: $this->title$", "<p>$this->requested_by_id_friendlyname$</p>");
        var preview = await templates.PreviewAsync(CorrespondenceKind.DesiredCompletionNotice, id);

        Assert.Equal(("Agreed: New laptop", "<p>Bob Boss</p>"), (preview.Subject, preview.HtmlBody));
        Assert.Equal(["bob@customer.test"], preview.Recipients.Select(r => r.Address));
        Assert.Contains(await templates.ListAsync(), t => t.Kind == CorrespondenceKind.DesiredCompletionNotice);
    }
}
