using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Processing;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.People;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Security;

/// <summary>
/// A hostile mail received through the real inbound pipeline, then answered by an agent: the stored entry and every
/// mail that went out because of it (new-ticket alert, autoresponse, email action), for the tests to take apart.
/// </summary>
public sealed class HostileMailOutbox : IAsyncLifetime
{
    public const string PublicUrl = "https://helpdesk.example";

    private CoreTestHost _host = default!;

    public CaseLogEntry Entry { get; private set; } = default!;
    public IReadOnlyList<OutboxMessage> Outbox { get; private set; } = [];

    public static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Security", "Fixtures", name));

    public async Task InitializeAsync()
    {
        _host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Helpdesk:PublicUrl"] = PublicUrl,
            ["Mail:Inbound:AccountAddress"] = "support@helpdesk.test",
            ["Mail:Inbound:UnknownSenders"] = "Reject",
            ["Correspondence:AdminEmail"] = "admin@helpdesk.test",
        });
        await _host.AddPersonAsync("Mallory Outsider", "mallory@customer.test");
        var agent = await _host.AddPersonAsync("Ann Agent", "ann@helpdesk.test", PersonRoles.Agent);
        // Both customer-facing mails quote the customer's own entry, so the hostile markup reaches them.
        await _host.Get<CorrespondenceTemplateCommands>().SaveAsync(CorrespondenceKind.NewTicketAutoresponse, "$this->ref$ received",
            "<p>Dear $this->caller_id_friendlyname$,</p><blockquote title=\"$this->head(public_log)$\">$this->head(public_log)$</blockquote>");
        var action = (await _host.Get<NotificationSetupQuery>().ExecuteAsync()).Actions.Single();
        await _host.Get<SaveEmailActionCommand>().ExecuteAsync(new EmailActionInput(action.Id, action.Name, ActionStatus.Active, null, null, null,
            action.To, null, null, action.SubjectTemplate, "<p>Our answer and your messages:</p>$this->html(public_log)$<p>$this->hyperlink()$</p>"));

        var (id, _) = await _host.Get<InboundMailStore>().StoreAsync("test", "hostile-1", Fixture("hostile-html.eml"), default);
        await _host.Get<InboundMailProcessor>().ProcessAsync(id, default);
        await using var db = await _host.DbAsync();
        var ticketId = (await db.Set<InboundMessage>().SingleAsync(m => m.Id == id)).TicketId
            ?? throw new InvalidOperationException("The hostile mail did not become a ticket.");
        await _host.Get<AppendCaseLogEntryCommand>().ExecuteAsync(new NewCaseLogEntry
        {
            TicketId = ticketId, Log = CaseLogKind.Public, Text = "We are on it ![chart](https://remote.test/chart.png)", Format = TextFormat.Markdown, SendEmail = true,
        }, CoreTestHost.AgentActor(agent));

        Entry = await db.Set<CaseLogEntry>().AsNoTracking().Include(e => e.Attachments).SingleAsync(e => e.TicketId == ticketId && e.AuthorName == "Mallory Outsider");
        Outbox = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.TicketId == ticketId).ToListAsync();
    }

    public OutboxMessage Mail(string kind) => Outbox.SingleOrDefault(m => m.Kind == kind)
        ?? throw new InvalidOperationException($"No {kind} mail; the outbox has: {string.Join(", ", Outbox.Select(m => m.Kind))}");

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
