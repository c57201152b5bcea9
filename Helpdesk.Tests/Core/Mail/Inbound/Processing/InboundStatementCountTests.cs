using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Processing;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.Tickets;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Helpdesk.Tests.Core.Mail.Inbound.Processing;

/// <summary>
/// Pins how many SQL commands a mailed-in ticket costs (its read, decision, ticket, autoresponse and alert, outcome),
/// counted by a real interceptor: a lookup added back to the write path fails this test.
/// </summary>
public sealed class InboundStatementCountTests(ITestOutputHelper output)
{
    private const int Mails = 12;
    // 25 before the repeated reads were cut (sender twice, the same person by id three times, the ticket read back for its facts);
    // 16.7 before each mail's row and earlier mails were read with its claimed batch (EarlierMail), 14.8 after (SQLite);
    // 12.9 once the loop guard's two questions were asked once for the batch (LoopGuardFacts); 13.9 since a small mail's
    // raw bytes are a StoredBlob row (Blobs:TableUpToBytes), read with a SELECT where a file was read before.
    // Only the processing's own commands count (CommandCounter.Counting).
    private const double MostCommandsPerTicket = 14;

    [Fact]
    public async Task ProcessPendingAsync_KnownSendersNewRequests_StaysWithinTheCommandsPerTicketBudget()
    {
        CommandCounter counter = null!;
        await using var host = await CoreTestHost.StartAsync(builder => counter = CommandCounter.AddTo(builder),
            new Dictionary<string, string?> { ["Mail:Inbound:AccountAddress"] = "support@helpdesk.test" });
        string[] senders = ["alice@customer.test", "bob@customer.test", "carol@customer.test"];
        foreach (var sender in senders) await host.AddPersonAsync(sender.Split('@')[0], sender);
        var store = host.Get<InboundMailStore>();
        for (var i = 0; i < Mails; i++)
        {
            var mail = InboundTestMail.Create(senders[i % senders.Length], "support@helpdesk.test", $"Request {i}", $"Body {i}.");
            await store.StoreAsync("test", $"uid-{i}", mail.Bytes(), default);
        }

        counter.Counting = true;
        await host.Get<InboundMailProcessor>().ProcessPendingAsync(default);
        counter.Counting = false;

        await using var db = await host.DbAsync();
        Assert.Equal([.. Enumerable.Repeat((InboundStatus.Processed, (string?)null), Mails)],
            await db.Set<InboundMessage>().OrderBy(m => m.Id).Select(m => new ValueTuple<InboundStatus, string?>(m.Status, m.Error)).ToListAsync());
        Assert.Equal(Mails, await db.Set<Ticket>().CountAsync());
        Assert.True(await db.Set<OutboxMessage>().CountAsync() >= Mails, "every request is answered (autoresponse), so the count covers the correspondence");
        var perTicket = counter.Commands.Count / (double)Mails;
        output.WriteLine($"{counter.Commands.Count} commands for {Mails} tickets: {perTicket:0.0} per ticket");
        foreach (var group in counter.Commands.GroupBy(c => c).OrderByDescending(g => g.Count()))
            output.WriteLine($"{group.Count(),4} x {group.Key.ReplaceLineEndings(" ")}");
        Assert.True(perTicket <= MostCommandsPerTicket, $"{perTicket:0.0} SQL commands per mailed-in ticket; at most {MostCommandsPerTicket} expected");
    }
}
