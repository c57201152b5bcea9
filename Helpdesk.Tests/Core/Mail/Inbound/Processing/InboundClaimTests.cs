using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Events;
using Helpdesk.Core.Mail.Inbound.Processing;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Core.Mail.Inbound.Processing;

/// <summary>Received mails are claimed before they are processed, and each is one transaction: several processors over one database, no orphans.</summary>
public sealed class InboundClaimTests
{
    private static Task<CoreTestHost> StartAsync(CoreTestHost? sameDatabaseAs = null, Action<Microsoft.Extensions.Hosting.HostApplicationBuilder>? configure = null) =>
        CoreTestHost.StartAsync(configure, new Dictionary<string, string?>
        {
            ["Helpdesk:DataFolder"] = sameDatabaseAs?.DataFolder,
            ["Mail:Inbound:AccountAddress"] = "support@helpdesk.test",
            ["Mail:Inbound:UnknownSenders"] = "CreatePerson",
            ["Mail:Inbound:BatchSize"] = "5",
        }.Concat(sameDatabaseAs?.DatabaseSettings ?? new Dictionary<string, string?>()).Where(s => s.Value is not null).ToDictionary());

    private static async Task<List<long>> ReceiveAsync(CoreTestHost host, int count)
    {
        var ids = new List<long>();
        for (var i = 0; i < count; i++)
        {
            var mail = InboundTestMail.Create($"sender{i}@customer.test", "support@helpdesk.test", $"Request {i}", $"Please help ({i}).");
            ids.Add((await host.Get<InboundMailStore>().StoreAsync("test", $"uid-{i}", mail.Bytes(), default)).Id);
        }
        return ids;
    }

    [Fact]
    public async Task ProcessPendingAsync_TwoProcessesOnOneDatabase_CreateEachTicketOnce()
    {
        await using var first = await StartAsync();
        await using var second = await StartAsync(first);
        await ReceiveAsync(first, 60);

        await Task.WhenAll(
            Task.Run(() => first.Get<InboundMailProcessor>().ProcessPendingAsync(default)),
            Task.Run(() => second.Get<InboundMailProcessor>().ProcessPendingAsync(default)));

        await using var db = await first.DbAsync();
        var rows = await db.Set<InboundMessage>().AsNoTracking().ToListAsync();
        Assert.All(rows, r => Assert.Equal((InboundStatus.Processed, 1, (string?)null), (r.Status, r.Attempts, r.ClaimToken)));
        var tickets = await db.Set<Ticket>().AsNoTracking().ToListAsync();
        Assert.Equal(60, tickets.Count);
        Assert.Equal(rows.Select(r => (long?)r.Id).Order(), tickets.Select(t => t.SourceInboundId).Order());
        Assert.Equal(60, await db.Set<Person>().CountAsync(p => p.PrimaryEmail.StartsWith("sender")));
    }

    [Fact]
    public async Task ClaimPendingAsync_EightRoundsRacing_ClaimEachMailOnce()
    {
        await using var host = await StartAsync();
        await ReceiveAsync(host, 120);
        var now = host.Clock.GetUtcNow().UtcDateTime;
        var claimed = new System.Collections.Concurrent.ConcurrentQueue<long>();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                await using var db = await host.DbAsync();
                var batch = await InboundClaim.ClaimPendingAsync(db, null, 5, now, TimeSpan.FromMinutes(5), default);
                if (batch.Count == 0) return;
                foreach (var claim in batch) claimed.Enqueue(claim.Claim.InboundId);
            }
        })));

        Assert.Equal(120, claimed.Distinct().Count());
        Assert.Equal(120, claimed.Count);
    }

    [Fact]
    public async Task ProcessPendingAsync_ClaimOfADeadRoundExpired_TakesTheMailOver()
    {
        await using var host = await StartAsync();
        await ReceiveAsync(host, 2);
        var now = host.Clock.GetUtcNow().UtcDateTime;
        await using (var db = await host.DbAsync())
            await db.Set<InboundMessage>().ExecuteUpdateAsync(u => u.SetProperty(m => m.ClaimToken, "dead-round").SetProperty(m => m.ClaimExpiresAt, now.AddMinutes(5)));
        var processor = host.Get<InboundMailProcessor>();

        await processor.ProcessPendingAsync(default);
        await using (var db = await host.DbAsync())
            Assert.Equal(0, await db.Set<Ticket>().CountAsync());
        host.Clock.Advance(TimeSpan.FromMinutes(6));
        await processor.ProcessPendingAsync(default);

        await using var check = await host.DbAsync();
        Assert.Equal(2, await check.Set<Ticket>().CountAsync());
        Assert.All(await check.Set<InboundMessage>().ToListAsync(), r => Assert.Equal(InboundStatus.Processed, r.Status));
    }

    [Fact]
    public async Task ProcessAsync_TicketFailsForAnUnknownSender_LeavesNoPersonAndQuarantinesTheMail()
    {
        await using var host = await StartAsync(configure: b => b.Services.AddSingleton<ITicketEventSink, FailingSink>());
        var id = Assert.Single(await ReceiveAsync(host, 1));

        await host.Get<InboundMailProcessor>().ProcessAsync(id, default);

        await using var db = await host.DbAsync();
        var row = await db.Set<InboundMessage>().SingleAsync();
        Assert.Equal(InboundStatus.Quarantined, row.Status);
        Assert.Contains("The ticket's notifications failed", row.Error);
        Assert.False(await db.Set<Person>().AnyAsync(p => p.PrimaryEmail == "sender0@customer.test"));
        Assert.Equal(0, await db.Set<Ticket>().CountAsync());
    }

    [Fact]
    public async Task SourceInboundId_SecondTicketForTheSameMail_IsRefusedByTheDatabase()
    {
        await using var host = await StartAsync();
        var id = Assert.Single(await ReceiveAsync(host, 1));
        await host.Get<InboundMailProcessor>().ProcessAsync(id, default);
        await using var db = await host.DbAsync();
        var ticket = await db.Set<Ticket>().AsNoTracking().SingleAsync();

        db.Add(new Ticket { Subject = "Again", RequestedForId = ticket.RequestedForId, SourceInboundId = id, CreatedAt = ticket.CreatedAt, UpdatedAt = ticket.UpdatedAt });

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    private sealed class FailingSink : ITicketEventSink
    {
        public Task HandleAsync(HelpdeskDbContext db, TicketEvent ticketEvent, CancellationToken ct) =>
            throw new InvalidOperationException("The ticket's notifications failed.");
    }
}
