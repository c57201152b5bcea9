using System.Text;
using Helpdesk.Core.Attachments;
using Helpdesk.Core.CaseLog;
using Helpdesk.Core.CaseLog.Drafts;
using Helpdesk.Core.Common;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.CaseLog.Drafts;

public sealed class SaveCaseLogDraftCommandTests : IAsyncLifetime
{
    private CoreTestHost _host = default!;
    private Person _ann = default!;
    private Person _bob = default!;
    private int _ticketId;

    public async Task InitializeAsync()
    {
        _host = await CoreTestHost.StartAsync();
        _ann = await _host.AddPersonAsync("Ann Agent", "ann@helpdesk.test", PersonRoles.Agent);
        _bob = await _host.AddPersonAsync("Bob Agent", "bob@helpdesk.test", PersonRoles.Agent);
        var caller = await _host.AddPersonAsync("Carl Caller", "carl@customer.test");
        _ticketId = await _host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "Printer on fire", RequestedForId = caller.Id }, Actor.System);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task SaveAsync(Person agent, CaseLogKind log, string text, params StagedFile[] files) =>
        _host.Get<SaveCaseLogDraftCommand>().ExecuteAsync(new CaseLogDraftContent(_ticketId, log, text, Markdown: true, SendEmail: false, files), agent.Id);

    private Task<IReadOnlyList<CaseLogDraftContent>> DraftsAsync(Person agent) => _host.Get<CaseLogDraftsQuery>().ExecuteAsync(_ticketId, CoreTestHost.AgentActor(agent));

    [Fact]
    public async Task ExecuteAsync_SavedTwice_KeepsOneDraftWithTheLatestTextFlagsAndFiles()
    {
        var file = await _host.Get<BlobStore>().StageAsync("log.txt", "text/plain", new MemoryStream(Encoding.ASCII.GetBytes("trace")), default);

        await SaveAsync(_ann, CaseLogKind.Public, "Dear Carl");
        await SaveAsync(_ann, CaseLogKind.Public, "Dear Carl, the brigade", file);

        var draft = Assert.Single(await DraftsAsync(_ann));
        Assert.Equal(("Dear Carl, the brigade", true, false), (draft.Text, draft.Markdown, draft.SendEmail));
        Assert.Equal([file], draft.Files);
    }

    [Fact]
    public async Task ExecuteAsync_EditedRecipients_AreKeptAndUntouchedOnesStayNull()
    {
        var recipients = new EntryRecipients(["carl@customer.test"], ["dana@partner.test"]);
        await _host.Get<SaveCaseLogDraftCommand>().ExecuteAsync(new CaseLogDraftContent(_ticketId, CaseLogKind.Public, "Dear Carl", false, true, [], recipients), _ann.Id);
        await SaveAsync(_ann, CaseLogKind.Private, "note");

        var drafts = (await DraftsAsync(_ann)).ToDictionary(d => d.Log);
        Assert.Equal(recipients.To, drafts[CaseLogKind.Public].Recipients!.To);
        Assert.Equal(recipients.Cc, drafts[CaseLogKind.Public].Recipients!.Cc);
        Assert.Null(drafts[CaseLogKind.Private].Recipients);
    }

    [Fact]
    public async Task ExecuteAsync_PrivateNoteWithMentions_KeepsThemAndOlderDraftsHaveNone()
    {
        PersonRef bob = new(_bob.Id, _bob.Name, _bob.PrimaryEmail);
        await _host.Get<SaveCaseLogDraftCommand>().ExecuteAsync(new CaseLogDraftContent(_ticketId, CaseLogKind.Private, "@Bob Agent look", false, false, [], null, [bob]), _ann.Id);
        Assert.Equal([bob], Assert.Single(await DraftsAsync(_ann)).Mentions!);

        await using (var db = await _host.DbAsync())
            await db.Database.ExecuteSqlRawAsync("UPDATE \"CaseLogDraft\" SET \"Mentions\" = NULL");

        Assert.Empty(Assert.Single(await DraftsAsync(_ann)).Mentions!);
    }

    [Fact]
    public async Task ExecuteAsync_DraftsOfTwoAgentsAndLogs_AreKeptApart()
    {
        await SaveAsync(_ann, CaseLogKind.Public, "public by Ann");
        await SaveAsync(_ann, CaseLogKind.Private, "private by Ann");
        await SaveAsync(_bob, CaseLogKind.Public, "public by Bob");

        Assert.Equal(["private by Ann", "public by Ann"], (await DraftsAsync(_ann)).Select(d => d.Text).Order());
        Assert.Equal(["public by Bob"], (await DraftsAsync(_bob)).Select(d => d.Text));
    }

    [Fact]
    public async Task ExecuteAsync_TextErased_RemovesTheDraft()
    {
        await SaveAsync(_ann, CaseLogKind.Public, "Dear Carl");

        await SaveAsync(_ann, CaseLogKind.Public, "  ");

        Assert.Empty(await DraftsAsync(_ann));
    }

    [Fact]
    public async Task AppendCaseLogEntry_ByTheDraftsAuthor_ClearsOnlyThatLogsDraft()
    {
        await SaveAsync(_ann, CaseLogKind.Public, "Dear Carl");
        await SaveAsync(_ann, CaseLogKind.Private, "note to self");
        await SaveAsync(_bob, CaseLogKind.Public, "Bob's reply");

        await _host.Get<AppendCaseLogEntryCommand>().ExecuteAsync(
            new NewCaseLogEntry { TicketId = _ticketId, Log = CaseLogKind.Public, Text = "Dear Carl" }, CoreTestHost.AgentActor(_ann));

        Assert.Equal(["note to self"], (await DraftsAsync(_ann)).Select(d => d.Text));
        Assert.Single(await DraftsAsync(_bob));
    }
}
