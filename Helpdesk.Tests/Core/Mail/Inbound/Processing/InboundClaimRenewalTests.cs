using System.Diagnostics;
using Helpdesk.Core.Mail;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Processing;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Helpdesk.Tests.Core.Mail.Inbound.Processing;

/// <summary>A round that is still working renews its claims; a dead round's claims are taken after the lease.</summary>
public sealed class InboundClaimRenewalTests
{
    private static readonly TimeSpan Lease = new InboundMailOptions().ClaimLease;

    private static async Task ReceiveAsync(CoreTestHost host, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var mail = InboundTestMail.Create($"sender{i}@customer.test", "support@helpdesk.test", $"Request {i}", $"Please help ({i}).");
            await host.Get<InboundMailStore>().StoreAsync("test", $"uid-{i}", mail.Bytes(), default);
        }
    }

    private static async Task<IReadOnlyList<InboundClaim>> ClaimAsync(CoreTestHost host)
    {
        await using var db = await host.DbAsync();
        return [.. (await InboundClaim.ClaimPendingAsync(db, null, 50, host.Clock.GetUtcNow().UtcDateTime, Lease, default)).Select(c => c.Claim)];
    }

    private static async Task WaitForRenewalAsync(CoreTestHost host, DateTime until)
    {
        var waited = Stopwatch.StartNew();
        while (await EarliestExpiryAsync(host) != until && waited.Elapsed < TimeSpan.FromSeconds(20)) await Task.Delay(20);
    }

    private static async Task<DateTime?> EarliestExpiryAsync(CoreTestHost host)
    {
        await using var db = await host.DbAsync();
        return await db.Set<InboundMessage>().MinAsync(m => m.ClaimExpiresAt);
    }

    [Fact]
    public async Task ClaimPendingAsync_HolderStillWorkingPastTheLease_KeepsItsClaimsAndOnceItDiesTheyAreTakenAfterTheLease()
    {
        await using var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Mail:Inbound:AccountAddress"] = "support@helpdesk.test" });
        await ReceiveAsync(host, 3);
        var held = await ClaimAsync(host);
        var renewal = ClaimRenewal.Start(async ct =>
        {
            await using var db = await host.DbAsync();
            await InboundClaim.RenewAsync(db, held[0].Token, host.Clock.GetUtcNow().UtcDateTime + Lease, ct);
        }, Lease, host.Clock, NullLogger.Instance);

        // Twice the lease in thirds: each third the holder renews, and nobody else may claim.
        var takenWhileHeld = 0;
        for (var third = 1; third <= 6; third++)
        {
            host.Clock.Advance(Lease / 3);
            var renewedUntil = host.Clock.GetUtcNow().UtcDateTime + Lease;
            await WaitForRenewalAsync(host, renewedUntil);
            takenWhileHeld += (await ClaimAsync(host)).Count;
        }
        await renewal.DisposeAsync(); // the holder dies: its claims are renewed no more
        host.Clock.Advance(Lease - TimeSpan.FromSeconds(1));
        var takenBeforeTheLeaseRanOut = (await ClaimAsync(host)).Count;
        host.Clock.Advance(TimeSpan.FromSeconds(2));
        var takenAfter = await ClaimAsync(host);

        Assert.Equal(3, held.Count);
        Assert.Equal(0, takenWhileHeld);
        Assert.Equal(0, takenBeforeTheLeaseRanOut);
        Assert.Equal(held.Select(c => c.InboundId), takenAfter.Select(c => c.InboundId));
        Assert.True(Lease <= TimeSpan.FromMinutes(1), $"the default claim lease is {Lease}");
    }
}
