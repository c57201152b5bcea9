using Helpdesk.Core.Common;
using Helpdesk.Core.Correspondence;
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
}
