using Helpdesk.Core.Common;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Policy;
using Helpdesk.Core.Mail.Inbound.Processing;
using Helpdesk.Tests.Core.Mail.Inbound.Processing;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Core.Persistence;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Mail.Inbound.Policy;

public sealed class EmailPolicySettingsTests
{
    private static async Task<InboundMessage> ReceiveAsync(CoreTestHost host, string from)
    {
        var mail = InboundTestMail.Create(from, "support@helpdesk.local", "Hello", "My first mail.");
        var (id, _) = await host.Get<InboundMailStore>().StoreAsync("test", Guid.NewGuid().ToString(), mail.Bytes(), default);
        await host.Get<InboundMailProcessor>().ProcessAsync(id, default);
        await using var db = await host.DbAsync();
        return await db.Set<InboundMessage>().SingleAsync(m => m.Id == id);
    }

    [Fact]
    public async Task ProcessAsync_FreshInstallUnknownSender_CreatesPersonAndRequest()
    {
        await using var host = await CoreTestHost.StartAsync();

        var row = await ReceiveAsync(host, "new.customer@example.com");

        Assert.Equal(InboundStatus.Processed, row.Status);
        Assert.NotNull(row.TicketId);
        // No team or member picks it up on a fresh install: it waits as New, not "Assigned" to nobody.
        Assert.Equal(TicketStatus.New, (await host.Get<TicketDetailsQuery>().ExecuteAsync(row.TicketId.Value, Actor.System))!.Status);
        await using var db = await host.DbAsync();
        Assert.True(await db.Set<Person>().AnyAsync(p => p.PrimaryEmail == "new.customer@example.com"));
    }

    [Fact]
    public async Task SaveAsync_RejectSavedOverCreatePersonConfig_UnknownSenderIsRefused()
    {
        await using var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Mail:Inbound:UnknownSenders"] = "CreatePerson" });

        await host.Get<EmailPolicySettings>().SaveAsync(UnknownSenderPolicy.Reject);

        Assert.Equal(UnknownSenderPolicy.Reject, await host.Get<EmailPolicySettings>().GetAsync());
        var row = await ReceiveAsync(host, "stranger@example.com");
        Assert.Null(row.TicketId);
        Assert.Contains("email policy: reject", row.Outcome);
    }

    [Fact]
    public async Task GetAsync_NothingSaved_ConfigurationApplies()
    {
        await using var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Mail:Inbound:UnknownSenders"] = "Reject" });

        Assert.Equal(UnknownSenderPolicy.Reject, await host.Get<EmailPolicySettings>().GetAsync());
    }
}
