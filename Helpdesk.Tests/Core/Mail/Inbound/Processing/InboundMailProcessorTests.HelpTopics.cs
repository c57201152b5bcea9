using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Departments;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Mailboxes;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.Teams;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Mail.Inbound.Processing;

/// <summary>osTicket: a mailbox or team address carries a default help topic, whose switches apply at creation.</summary>
public sealed partial class InboundMailProcessorTests
{
    private async Task<(int Topic, int Department)> QuietTopicAsync()
    {
        int department;
        await using (var db = await _host.DbAsync())
        {
            var hardware = new Department { Name = "Hardware" };
            db.Add(hardware);
            await db.SaveChangesAsync();
            department = hardware.Id;
        }
        var topic = await _host.Get<CorrespondenceSetupCommands>().SaveHelpTopicAsync(null, "Printers", autorespondersDisabled: true, department);
        return (topic, department);
    }

    private async Task<int> AutoresponsesAsync(int? ticketId)
    {
        await using var db = await _host.DbAsync();
        var kind = CorrespondenceMail.Kind(CorrespondenceKind.NewTicketAutoresponse);
        return await db.Set<OutboxMessage>().CountAsync(m => m.Kind == kind && m.TicketId == ticketId);
    }

    [Fact]
    public async Task ProcessAsync_TeamAddressWithADefaultHelpTopic_TicketGetsTheTopicItsDepartmentAndNoAutoresponse()
    {
        await _host.AddPersonAsync("Alice Walker", "alice@customer.test");
        var (topic, department) = await QuietTopicAsync();
        await _host.Get<SaveTeamCommand>().ExecuteAsync(new TeamInput(null, "Printing", "printing", null, [], DefaultHelpTopicId: topic));
        await AddTeamAsync("Network", "network");

        var quiet = await ReceiveAsync(InboundTestMail.Create("alice@customer.test", "printing.support@helpdesk.test", "Printer jams", "It jams."));
        var answered = await ReceiveAsync(InboundTestMail.Create("alice@customer.test", "network.support@helpdesk.test", "VPN down", "Down."));

        var ticket = await TicketAsync(quiet.TicketId);
        Assert.Equal((topic, department), (ticket.HelpTopicId, ticket.Department?.Id));
        Assert.Contains(ticket.Audit, a => a.Note == "Help topic Printers: the default of team Printing's address.");
        Assert.Equal(0, await AutoresponsesAsync(quiet.TicketId));
        Assert.Null((await TicketAsync(answered.TicketId)).HelpTopicId);
        Assert.Equal(1, await AutoresponsesAsync(answered.TicketId));
    }

    [Fact]
    public async Task ProcessAsync_MailFromAMailboxWithADefaultHelpTopic_TicketGetsTheTopic()
    {
        await _host.AddPersonAsync("Alice Walker", "alice@customer.test");
        var (topic, department) = await QuietTopicAsync();
        await _host.Get<SaveMailboxCommand>().ExecuteAsync(new MailboxInput(null, "printers-box", MailboxKind.DropFolder) { Folder = "mail/printers", DefaultHelpTopicId = topic });
        var mail = InboundTestMail.Create("alice@customer.test", "support@helpdesk.test", "Printer jams", "It jams.");

        var (id, _) = await _host.Get<InboundMailStore>().StoreAsync("printers-box", "1", mail.Bytes(), default);
        await _host.Get<Helpdesk.Core.Mail.Inbound.Processing.InboundMailProcessor>().ProcessAsync(id, default);

        await using var db = await _host.DbAsync();
        var row = await db.Set<InboundMessage>().SingleAsync(m => m.Id == id);
        var ticket = await TicketAsync(row.TicketId);
        Assert.Equal((topic, department), (ticket.HelpTopicId, ticket.Department?.Id));
        Assert.Contains(ticket.Audit, a => a.Note == "Help topic Printers: the default of mailbox printers-box.");
        Assert.Equal(0, await AutoresponsesAsync(row.TicketId));
    }

    [Fact]
    public async Task SaveMailboxCommand_UnknownHelpTopic_Refused()
    {
        var error = await Assert.ThrowsAsync<Helpdesk.Core.Common.ValidationFailedException>(() =>
            _host.Get<SaveMailboxCommand>().ExecuteAsync(new MailboxInput(null, "printers-box", MailboxKind.DropFolder) { Folder = "mail/printers", DefaultHelpTopicId = 999 }));

        Assert.Equal("The help topic does not exist.", error.Errors["helpTopic"]);
    }
}
