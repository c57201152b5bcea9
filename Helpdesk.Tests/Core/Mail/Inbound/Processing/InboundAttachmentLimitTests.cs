using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Common;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Processing;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Helpdesk.Tests.Core.Mail.Inbound.Processing;

/// <summary>Mailed-in files obey Attachments:MaxFileSizeBytes like uploaded ones; the received mail keeps them.</summary>
[Trait("Category", "Security")]
public sealed class InboundAttachmentLimitTests : IAsyncLifetime
{
    private CoreTestHost _host = default!;

    public async Task InitializeAsync() => _host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Mail:Inbound:AccountAddress"] = "support@helpdesk.test",
        ["Attachments:MaxFileSizeBytes"] = "4096",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ProcessAsync_NewRequestWithAFileOverTheLimit_LeavesItOutAndTheEntrySaysWhy()
    {
        await _host.AddPersonAsync("Alice Walker", "alice@customer.test");
        var mail = InboundTestMail.Create("alice@customer.test", "support@helpdesk.test", "Crash dump", "The dump is attached.",
            attachments: [("crash.dmp", Bytes(10 * 1024)), ("steps.txt", Bytes(100))]);

        var row = await ReceiveAsync(mail);

        Assert.Equal(InboundStatus.Processed, row.Status);
        var entry = await EntryAsync(row);
        Assert.Equal("steps.txt", Assert.Single(entry.Attachments).FileName);
        Assert.Equal("The dump is attached.\n\n\"crash.dmp\" (10 KB) was left out: it is larger than the attachment limit of 4 KB. The received mail still holds it.", entry.Text);
        Assert.Contains("crash.dmp", row.Outcome);
        var kept = MimeMessage.Load(new MemoryStream(await _host.Get<InboundMailStore>().ReadRawAsync(row, default)));
        Assert.Equal(10 * 1024, Content(kept, "crash.dmp").Length);
    }

    [Fact]
    public async Task ProcessAsync_HtmlReplyWithAFileOverTheLimit_SaysWhichFileAsTextNotMarkup()
    {
        var alice = await _host.AddPersonAsync("Alice Walker", "alice@customer.test");
        var ticketId = await _host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "VPN", RequestedForId = alice.Id }, Actor.System);
        var mail = InboundTestMail.Create("alice@customer.test", "support@helpdesk.test", $"Re: HD-{ticketId}", "");
        var body = new BodyBuilder { HtmlBody = "<p>Here is the <i>capture</i>.</p>" };
        body.Attachments.Add("capture <b>full.pcap", Bytes(5000));
        mail.Body = body.ToMessageBody();

        var row = await ReceiveAsync(mail);

        Assert.Equal((InboundStatus.Processed, (int?)ticketId), (row.Status, row.TicketId));
        var entry = await EntryAsync(row);
        Assert.Empty(entry.Attachments);
        Assert.Contains("<i>capture</i>", entry.Html);
        Assert.Contains("capture &lt;b&gt;full.pcap", entry.Html);
        Assert.Contains("(4.9 KB) was left out: it is larger than the attachment limit of 4 KB", entry.Html);
        Assert.DoesNotContain("<b>", entry.Html);
    }

    [Theory]
    [InlineData(TextFormat.Plain, "Text\n\n\"a*b_c.txt\" too big")]
    [InlineData(TextFormat.Markdown, "Text\n\n\\\"a\\*b\\_c\\.txt\\\" too big")]
    [InlineData(TextFormat.Html, "Text\n<p>&quot;a*b_c.txt&quot; too big</p>")]
    public void AppendTo_SenderChosenFileName_StaysTextInEachFormat(TextFormat format, string expected) =>
        Assert.Equal(expected, LeftOutAttachments.AppendTo("Text", format, ["\"a*b_c.txt\" too big"]));

    private async Task<InboundMessage> ReceiveAsync(MimeMessage mail)
    {
        var (id, _) = await _host.Get<InboundMailStore>().StoreAsync("test", Guid.NewGuid().ToString(), mail.Bytes(), default);
        await _host.Get<InboundMailProcessor>().ProcessAsync(id, default);
        await using var db = await _host.DbAsync();
        return await db.Set<InboundMessage>().SingleAsync(m => m.Id == id);
    }

    private async Task<CaseLogEntry> EntryAsync(InboundMessage row)
    {
        await using var db = await _host.DbAsync();
        return await db.Set<CaseLogEntry>().Include(e => e.Attachments).SingleAsync(e => e.SourceMessageId == row.MessageId);
    }

    private static byte[] Content(MimeMessage message, string fileName)
    {
        using var buffer = new MemoryStream();
        message.Attachments.OfType<MimePart>().Single(p => p.FileName == fileName).Content!.DecodeTo(buffer);
        return buffer.ToArray();
    }

    private static byte[] Bytes(int count) => Enumerable.Range(0, count).Select(i => (byte)(i * 31 % 251)).ToArray();
}
