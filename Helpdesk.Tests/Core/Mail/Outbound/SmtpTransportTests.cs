using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Tests.TestSupport;
using Helpdesk.Tests.TestSupport.MailStack;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Mail.Outbound;

/// <summary>SMTP connections outlive a send round: reused while alive, reopened when dropped, closed when idle and at shutdown.</summary>
public sealed class SmtpTransportTests : IAsyncDisposable
{
    private readonly FakeSmtpServer _server = new();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private Task<CoreTestHost> StartAsync() =>
        CoreTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Mail:Outbound:Transport"] = "Smtp",
            ["Mail:Outbound:SmtpHost"] = "127.0.0.1",
            ["Mail:Outbound:SmtpPort"] = _server.Port.ToString(),
            ["Mail:Outbound:SmtpSecurity"] = "None",
            ["Mail:Outbound:Connections"] = "1",
        });

    private static async Task<string> QueueAsync(CoreTestHost host)
    {
        await using var db = await host.DbAsync();
        var now = host.Clock.GetUtcNow().UtcDateTime;
        var message = new OutboxMessage
        {
            MessageId = $"<{Guid.NewGuid():N}@helpdesk.test>", Kind = "email_action", From = "support@helpdesk.test", To = "alice@customer.test",
            Subject = "Pooled", TextBody = "Body", Status = OutboxStatus.Pending, CreatedAt = now, NextAttemptAt = now,
        };
        db.Add(message);
        await db.SaveChangesAsync();
        return message.MessageId;
    }

    private static async Task<List<OutboxMessage>> RowsAsync(CoreTestHost host)
    {
        await using var db = await host.DbAsync();
        return await db.Set<OutboxMessage>().AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    [Fact]
    public async Task ProcessDueAsync_TwoRounds_ShareOneConnection()
    {
        await using var host = await StartAsync();
        var stage = host.Get<OutboxSendStage>();

        await QueueAsync(host);
        Assert.Equal(1, await stage.ProcessDueAsync(default));
        await QueueAsync(host);
        Assert.Equal(1, await stage.ProcessDueAsync(default));

        Assert.Equal((1, 2, 0), (_server.Connections, _server.Accepted.Count, _server.Quits));
        Assert.Equal(1, host.Get<SmtpTransport>().IdleConnections);
    }

    [Fact]
    public async Task ProcessDueAsync_PooledConnectionDropped_ReopensAndSendsEachMailOnce()
    {
        await using var host = await StartAsync();
        var stage = host.Get<OutboxSendStage>();
        var first = await QueueAsync(host);
        Assert.Equal(1, await stage.ProcessDueAsync(default));

        _server.DropConnections();
        var second = await QueueAsync(host);
        Assert.Equal(1, await stage.ProcessDueAsync(default));

        Assert.Equal([first, second], _server.Accepted);
        Assert.Equal(2, _server.Connections);
        Assert.All(await RowsAsync(host), r => Assert.Equal((OutboxStatus.Sent, 1, null), (r.Status, r.Attempts, r.LastError)));
    }

    [Fact]
    public async Task CloseIdleConnectionsAsync_PastTheIdleTimeout_ClosesWithQuit()
    {
        await using var host = await StartAsync();
        var stage = host.Get<OutboxSendStage>();
        await QueueAsync(host);
        await stage.ProcessDueAsync(default);

        host.Clock.Advance(TimeSpan.FromSeconds(29));
        await stage.CloseIdleConnectionsAsync();
        var openBeforeTimeout = host.Get<SmtpTransport>().IdleConnections;
        host.Clock.Advance(TimeSpan.FromSeconds(2));
        await stage.CloseIdleConnectionsAsync();

        Assert.Equal((1, 0, 1), (openBeforeTimeout, host.Get<SmtpTransport>().IdleConnections, _server.Quits));
    }

    [Fact]
    public async Task Dispose_HostStops_ClosesPooledConnectionsWithQuit()
    {
        var host = await StartAsync();
        await QueueAsync(host);
        await host.Get<OutboxSendStage>().ProcessDueAsync(default);
        Assert.Equal(0, _server.Quits);

        await host.DisposeAsync();

        Assert.Equal(1, _server.Quits);
    }
}
