using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Processing;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Tests.Core.Mail.Inbound.Processing;
using Helpdesk.Tests.TestSupport;

namespace Helpdesk.Tests.Core.Mail.Outbound;

/// <summary>Outbox rows written outside a ticket change wake the sender at once too, not at the next poll.</summary>
public sealed class OutboxWakeTests
{
    [Fact]
    public async Task OutboxWake_SystemAlertQueued_WakesTheSender()
    {
        await using var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Correspondence:AdminEmail"] = "root@helpdesk.test" });
        var wake = host.Get<OutboxWake>();
        Assert.False(await wake.WaitAsync(TimeSpan.Zero, default));

        Assert.True(await host.Get<SystemAlerts>().RaiseAsync("fetch:inbox", CorrespondenceKind.SystemMailFetchFails, new SystemAlertFacts("timeout", Source: "inbox")));

        Assert.True(await wake.WaitAsync(TimeSpan.FromSeconds(1), default));
    }

    [Fact]
    public async Task OutboxWake_InboundRejectionNoticeQueued_WakesTheSender()
    {
        await using var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Mail:Inbound:AccountAddress"] = "support@helpdesk.test",
            ["Mail:Inbound:UnknownSenders"] = "Reject",
        });
        var wake = host.Get<OutboxWake>();
        var mail = InboundTestMail.Create("stranger@else.test", "support@helpdesk.test", "Hi", "Who am I?");
        var (id, _) = await host.Get<InboundMailStore>().StoreAsync("test", "uid-1", mail.Bytes(), default);
        Assert.False(await wake.WaitAsync(TimeSpan.Zero, default));

        await host.Get<InboundMailProcessor>().ProcessAsync(id, default);

        Assert.True(await wake.WaitAsync(TimeSpan.FromSeconds(1), default));
    }
}
