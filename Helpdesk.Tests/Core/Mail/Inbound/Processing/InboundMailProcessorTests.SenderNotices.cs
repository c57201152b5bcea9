using Helpdesk.Core.Common;
using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.Tickets.Commands;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Mail.Inbound.Processing;

/// <summary>osTicket: the unknown-sender notice is an editable template like the other correspondence.</summary>
public sealed partial class InboundMailProcessorTests
{
    [Fact]
    public async Task ProcessAsync_UnknownSenderWithASavedNoticeTemplate_TheNoticeUsesItAndAnswersTheMail()
    {
        await _host.Get<CorrespondenceTemplateCommands>().SaveAsync(CorrespondenceKind.UnknownSenderNotice,
            "Not registered: $this->title$", "<p>Sorry, $current_contact->email$ is unknown here.</p>");
        var mail = InboundTestMail.Create("stranger@else.test", "support@helpdesk.test", "Hi", "Who am I?");

        await ReceiveAsync(mail);

        await using var db = await _host.DbAsync();
        var notice = await db.Set<OutboxMessage>().SingleAsync();
        Assert.Equal(("notice:unknown_sender", "Not registered: Hi", $"<{mail.MessageId}>"), (notice.Kind, notice.Subject, notice.InReplyTo));
        Assert.Contains("Sorry, stranger@else.test is unknown here.", notice.TextBody);
    }

    [Fact]
    public async Task ProcessAsync_UnknownSenderWithTheDefaultTemplate_SaysTheAddressIsUnknown()
    {
        await ReceiveAsync(InboundTestMail.Create("stranger@else.test", "support@helpdesk.test", "Hi", "Who am I?"));

        await using var db = await _host.DbAsync();
        var notice = await db.Set<OutboxMessage>().SingleAsync();
        Assert.Equal("Re: Hi", notice.Subject);
        Assert.Contains("your address stranger@else.test is not known to our helpdesk", notice.TextBody);
    }

    [Fact]
    public async Task PreviewAsync_UnknownSenderNotice_ShowsTheWordingWithTheRequesterStandingInForTheSender()
    {
        var carl = await _host.AddPersonAsync("Carl Caller", "carl@customer.test");
        var id = await _host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "Fan noise", RequestedForId = carl.Id }, Actor.System);

        var preview = await _host.Get<CorrespondenceTemplateCommands>().PreviewAsync(CorrespondenceKind.UnknownSenderNotice, id);

        Assert.Equal("Re: Fan noise", preview.Subject);
        Assert.Contains("your address carl@customer.test is not known", preview.HtmlBody);
        Assert.Equal(["carl@customer.test"], preview.Recipients.Select(r => r.Address));
        Assert.Null(preview.SwitchedOffBy);
    }
}
