using Helpdesk.Core.Common;
using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Departments;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Tests.TestSupport;

namespace Helpdesk.Tests.Core.Correspondence;

public sealed class CorrespondenceTemplateCommandsTests
{
    [Fact]
    public async Task SaveAsync_BadPlaceholder_RefusedWithPosition()
    {
        await using var host = await CoreTestHost.StartAsync();

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            host.Get<CorrespondenceTemplateCommands>().SaveAsync(CorrespondenceKind.NewTicketAlert, "New $this->nope$", "ok"));

        Assert.Equal("Unknown placeholder '$this->nope$' (at position 5)", error.Errors["subject"]);
    }

    [Theory]
    [InlineData(CorrespondenceKind.SystemDatabaseError, "$this->title$ failed", "A system alert is about no ticket: use only $alert->…$ placeholders")]
    [InlineData(CorrespondenceKind.NewTicketAlert, "$alert->reason$", "$alert->…$ placeholders belong to system alerts")]
    [InlineData(CorrespondenceKind.SystemDatabaseError, "$alert->nope$", "Unknown placeholder '$alert->nope$' (at position 1)")]
    public async Task SaveAsync_PlaceholderOfTheWrongKindOfMessage_RefusedWithAClearError(CorrespondenceKind kind, string subject, string expected)
    {
        await using var host = await CoreTestHost.StartAsync();
        var templates = host.Get<CorrespondenceTemplateCommands>();

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => templates.SaveAsync(kind, subject, "<p>ok</p>"));

        Assert.StartsWith(expected, error.Errors["subject"]);
        Assert.True((await templates.ListAsync()).Single(t => t.Kind == kind).IsDefault);
    }

    [Fact]
    public async Task PreviewAsync_SystemAlert_RendersSampleValuesToTheAdminEmailWithoutATicket()
    {
        await using var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Correspondence:AdminEmail"] = "root@helpdesk.test" });

        var preview = await host.Get<CorrespondenceTemplateCommands>().PreviewAsync(CorrespondenceKind.SystemMailFetchFails, ticketId: 0);

        Assert.Equal("[Helpdesk system alert] Fetching mail from Support inbox (sample) fails", preview.Subject);
        Assert.Contains("Connection refused (sample reason)", preview.HtmlBody);
        Assert.DoesNotContain("$alert", preview.HtmlBody);
        Assert.Equal(["root@helpdesk.test"], preview.Recipients.Select(r => r.Address));
    }

    [Fact]
    public async Task SavedTemplate_IsUsedByPreviewAndResetRestoresDefault()
    {
        await using var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Correspondence:AdminEmail"] = "root@helpdesk.test" });
        var caller = await host.AddPersonAsync("Carl", "carl@customer.test");
        var id = await host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "Fan noise", RequestedForId = caller.Id }, Actor.System);
        var templates = host.Get<CorrespondenceTemplateCommands>();

        await templates.SaveAsync(CorrespondenceKind.NewTicketAlert, "NEW: $this->title$", "<p>$this->caller_id_friendlyname$</p>");
        var preview = await templates.PreviewAsync(CorrespondenceKind.NewTicketAlert, id);
        await templates.ResetAsync(CorrespondenceKind.NewTicketAlert);

        Assert.Equal(("NEW: Fan noise", "<p>Carl</p>"), (preview.Subject, preview.HtmlBody));
        Assert.Equal(["root@helpdesk.test"], preview.Recipients.Select(r => r.Address));
        Assert.True((await templates.ListAsync()).Single(t => t.Kind == CorrespondenceKind.NewTicketAlert).IsDefault);
    }

    private static async Task<(CoreTestHost Host, int TicketId)> TicketAsync(Action<Department>? department = null, Action<HelpTopic>? topic = null,
        Dictionary<string, string?>? settings = null, bool assigned = false)
    {
        var host = await CoreTestHost.StartAsync(settings: settings ?? []);
        var caller = await host.AddPersonAsync("Carl Caller", "carl@customer.test");
        var agent = await host.AddPersonAsync("Max Member", "max@helpdesk.test", PersonRoles.Agent);
        var it = new Department { Name = "IT" };
        var printers = new HelpTopic { Name = "Printers" };
        department?.Invoke(it);
        topic?.Invoke(printers);
        await using (var db = await host.DbAsync())
        {
            it.Members = [await db.Set<Person>().FindAsync(agent.Id) ?? throw new InvalidOperationException()];
            db.AddRange(it, printers);
            await db.SaveChangesAsync();
        }
        var id = await host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket
        {
            Subject = "Printer", RequestedForId = caller.Id, DepartmentId = it.Id, HelpTopicId = printers.Id, MemberId = assigned ? agent.Id : null,
        }, new Actor(caller.Id, caller.Name, ActorKind.Customer));
        return (host, id);
    }

    [Fact]
    public async Task PreviewAsync_DepartmentAutorespondersOff_ShowsNobodyAndTheDepartment()
    {
        var (host, id) = await TicketAsync(department: d => d.AutorespondersDisabled = true);
        await using var _ = host;

        var preview = await host.Get<CorrespondenceTemplateCommands>().PreviewAsync(CorrespondenceKind.NewMessageAutoresponse, id);

        Assert.Equal(([], "department IT"), (preview.Recipients.Select(r => r.Address).ToArray(), preview.SwitchedOffBy));
    }

    [Fact]
    public async Task PreviewAsync_DepartmentAlertsOff_ShowsNobodyAndTheDepartment()
    {
        var (host, id) = await TicketAsync(department: d => d.AlertsDisabled = true);
        await using var _ = host;

        var preview = await host.Get<CorrespondenceTemplateCommands>().PreviewAsync(CorrespondenceKind.NewTicketAlert, id);

        Assert.Equal(([], "department IT"), (preview.Recipients.Select(r => r.Address).ToArray(), preview.SwitchedOffBy));
    }

    [Fact]
    public async Task PreviewAsync_HelpTopicAutorespondersOff_ShowsNobodyAndTheTopic()
    {
        var (host, id) = await TicketAsync(topic: t => t.AutorespondersDisabled = true);
        await using var _ = host;

        var preview = await host.Get<CorrespondenceTemplateCommands>().PreviewAsync(CorrespondenceKind.NewTicketAutoresponse, id);

        Assert.Equal("help topic Printers", preview.SwitchedOffBy);
    }

    [Fact]
    public async Task PreviewAsync_GlobalSwitchSavedOff_ShowsNobodyAndGlobal()
    {
        var (host, id) = await TicketAsync();
        await using var _ = host;
        var settings = host.Get<CorrespondenceSettings>();
        var switches = await settings.GetAsync();
        switches.NewTicketAutoresponseForEndUsers = false;
        switches.Alerts[CorrespondenceKind.OverdueAlert].Enabled = false;
        await settings.SaveAsync(switches);
        var templates = host.Get<CorrespondenceTemplateCommands>();

        Assert.Equal("global", (await templates.PreviewAsync(CorrespondenceKind.NewTicketAutoresponse, id)).SwitchedOffBy);
        Assert.Equal("global", (await templates.PreviewAsync(CorrespondenceKind.OverdueAlert, id)).SwitchedOffBy);
        Assert.Null((await templates.PreviewAsync(CorrespondenceKind.NewMessageAutoresponse, id)).SwitchedOffBy);
    }

    [Theory]
    [InlineData("true", new[] { "bob@customer.test", "carl@customer.test" })]
    [InlineData("false", new[] { "carl@customer.test" })]
    public async Task PreviewAsync_NewMessageAutoresponse_IncludesCollaboratorsWhenReplyAllIsOn(string replyAll, string[] expected)
    {
        var (host, id) = await TicketAsync(settings: new() { ["Correspondence:NewMessageAutoresponseToCollaborators"] = replyAll });
        await using var _ = host;
        var bob = await host.AddPersonAsync("Bob Colleague", "bob@customer.test");
        await using (var db = await host.DbAsync())
        {
            db.Add(new TicketCollaborator { TicketId = id, PersonId = bob.Id });
            await db.SaveChangesAsync();
        }

        var preview = await host.Get<CorrespondenceTemplateCommands>().PreviewAsync(CorrespondenceKind.NewMessageAutoresponse, id);

        Assert.Equal(expected, preview.Recipients.Select(r => r.Address).Order());
    }

    [Fact]
    public async Task PreviewAsync_NewTicketAlertOnAssignedTicket_LeavesDepartmentMembersOutLikeTheEngine()
    {
        var (host, id) = await TicketAsync(settings: new() { ["Correspondence:AdminEmail"] = "root@helpdesk.test" }, assigned: true);
        await using var _ = host;

        var preview = await host.Get<CorrespondenceTemplateCommands>().PreviewAsync(CorrespondenceKind.NewTicketAlert, id);

        Assert.Equal(["root@helpdesk.test"], preview.Recipients.Select(r => r.Address));
    }
}
