using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Processing;
using Helpdesk.Core.Tickets;
using Helpdesk.Tests.Core.Mail.Inbound.Parsing;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Mail.Inbound.Processing;

/// <summary>Every mail of the corpus through the whole pipeline (raw store, then processing): none crashes it or is lost.</summary>
public sealed class InboundCorpusTests
{
    [Theory]
    [InlineData("plain.eml", InboundStatus.Processed)]
    [InlineData("latin1-qp.eml", InboundStatus.Processed)]
    [InlineData("gb2312-base64.eml", InboundStatus.Processed)]
    [InlineData("iso2022jp.eml", InboundStatus.Processed)]
    [InlineData("html-inline-image.eml", InboundStatus.Processed)]
    [InlineData("rfc2231-filename.eml", InboundStatus.Processed)]
    [InlineData("nameless-attachment.eml", InboundStatus.Processed)]
    [InlineData("tnef-winmail.eml", InboundStatus.Processed)]
    [InlineData("forwarded-rfc822.eml", InboundStatus.Processed)]
    [InlineData("no-message-id.eml", InboundStatus.Processed)]
    [InlineData("broken-mime.eml", InboundStatus.Processed)]
    [InlineData("monitoring-parameters.eml", InboundStatus.Processed)]
    [InlineData("mailing-list.eml", InboundStatus.Processed)]
    [InlineData("out-of-office.eml", InboundStatus.Processed)]
    [InlineData("dsn-bounce.eml", InboundStatus.Ignored)]
    [InlineData("garbage.bin", InboundStatus.Quarantined)]
    public async Task StoreThenProcess_EveryCorpusMail_EndsInAStateAnAdminCanSeeWithItsRawBytesKept(string fixture, InboundStatus expected)
    {
        await using var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Mail:Inbound:AccountAddress"] = "support@helpdesk.test", ["Mail:Inbound:UnknownSenders"] = "CreatePerson",
        });
        var raw = InboundMailReaderTests.Fixture(fixture);
        var store = host.Get<InboundMailStore>();

        var (id, _) = await store.StoreAsync("corpus", fixture, raw, default);
        await host.Get<InboundMailProcessor>().ProcessAsync(id, default);

        await using var db = await host.DbAsync();
        var row = await db.Set<InboundMessage>().SingleAsync(m => m.Id == id);
        Assert.True(row.Status == expected, $"{fixture}: {row.Status} ({row.Outcome}{row.Error})");
        Assert.Equal(raw, await store.ReadRawAsync(row, default));
        if (expected == InboundStatus.Quarantined) Assert.False(string.IsNullOrWhiteSpace(row.Error));
        if (expected == InboundStatus.Processed)
            Assert.True(await db.Set<Ticket>().AnyAsync(t => t.Id == row.TicketId && t.Subject != ""), $"{fixture}: {row.Outcome}");
    }
}
