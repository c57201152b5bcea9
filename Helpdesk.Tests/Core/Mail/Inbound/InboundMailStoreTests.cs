using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Mail.Inbound;

public sealed class InboundMailStoreTests
{
    [Fact]
    public async Task StoreAsync_TwoEmptyMessages_KeepsEachAsAQuarantinedRowThatRetriesWithAClearError()
    {
        await using var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Mail:Inbound:AccountAddress"] = "support@helpdesk.test" });
        var store = host.Get<InboundMailStore>();

        var first = await store.StoreAsync("imap", "1:7", [], default);
        var second = await store.StoreAsync("imap", "1:8", [], default);
        var retried = await host.Get<RetryInboundMailCommand>().ExecuteAsync(first.Id);

        Assert.True(first.IsNew && second.IsNew && first.Id != second.Id);
        await using var db = await host.DbAsync();
        var rows = await db.Set<InboundMessage>().OrderBy(m => m.Id).ToListAsync();
        Assert.All(rows, r => Assert.Equal(InboundStatus.Quarantined, r.Status));
        Assert.Contains("empty (0 bytes", rows[1].Error);
        Assert.Equal("The message is empty.", retried.Error);
        Assert.Empty(await store.ReadRawAsync(rows[0], default));
    }
}
