using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Processing;
using Helpdesk.Core.People;
using Helpdesk.Core.ServiceCatalog;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Mail.Inbound.Processing;

/// <summary>Event matching as the Mail API describes it, with and without a configuration item.</summary>
public sealed partial class InboundMailProcessorTests
{
    private static readonly TimeSpan JustInside = TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1);
    private static readonly TimeSpan JustOutside = TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1);

    private Task<InboundMessage> EventAsync(string subject, string body) =>
        ReceiveAsync(InboundTestMail.Create("nnm@monitoring.test", "support@helpdesk.test", subject, body));

    private async Task<long> StoreEventAsync(string subject, string body) =>
        (await _host.Get<InboundMailStore>().StoreAsync("test", Guid.NewGuid().ToString(),
            InboundTestMail.Create("nnm@monitoring.test", "support@helpdesk.test", subject, body).Bytes(), default)).Id;

    private async Task<InboundMessage> ProcessStoredAsync(long id)
    {
        await _host.Get<InboundMailProcessor>().ProcessAsync(id, default);
        await using var db = await _host.DbAsync();
        return await db.Set<InboundMessage>().SingleAsync(m => m.Id == id);
    }

    private async Task<int> TicketCountAsync()
    {
        await using var db = await _host.DbAsync();
        return await db.Set<Ticket>().CountAsync();
    }

    private async Task AddSwitchAsync()
    {
        await using var db = await _host.DbAsync();
        db.Add(new ConfigurationItem { Label = "CORE-SW-1", Name = "core-switch", ServiceInstance = new ServiceInstance { Name = "Network" } });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task ProcessAsync_SameSubjectAndTextWithoutCi_ChangesNothing()
    {
        await _host.AddPersonAsync("Nagios", "nnm@monitoring.test", PersonRoles.Specialist);
        var first = await EventAsync("web01 down", "#source: nagios\nHTTP failed");
        _host.Clock.Advance(TimeSpan.FromHours(2));

        var repeat = await EventAsync("web01 down", "#source: nagios\nHTTP failed");

        Assert.Equal((InboundStatus.Ignored, first.TicketId), (repeat.Status, repeat.TicketId));
        Assert.Contains("same subject and text", repeat.Outcome);
        Assert.Equal(1, await TicketCountAsync());
        Assert.Single((await TicketAsync(first.TicketId)).PublicLog);
    }

    [Fact]
    public async Task ProcessAsync_SameSubjectOtherTextWithoutCi_CreatesANewRequest()
    {
        await _host.AddPersonAsync("Nagios", "nnm@monitoring.test", PersonRoles.Specialist);
        var first = await EventAsync("web01 down", "#source: nagios\nattempt 1");
        _host.Clock.Advance(TimeSpan.FromHours(2));

        var second = await EventAsync("web01 down", "#source: nagios\nattempt 2");

        Assert.Equal(InboundStatus.Processed, second.Status);
        Assert.NotEqual(first.TicketId, second.TicketId);
        Assert.Equal(["attempt 1"], (await TicketAsync(first.TicketId)).PublicLog.Select(e => e.Html));
    }

    [Fact]
    public async Task ProcessAsync_OtherSubjectSameTextWithoutCi_CreatesANewRequest()
    {
        await _host.AddPersonAsync("Nagios", "nnm@monitoring.test", PersonRoles.Specialist);
        var first = await EventAsync("web01 down", "#source: nagios\nHTTP failed");

        var second = await EventAsync("web02 down", "#source: nagios\nHTTP failed");

        Assert.NotEqual(first.TicketId, second.TicketId);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ProcessAsync_RepeatedEventWithoutCiAtTheWindowEdge_MatchesOnlyWithin24Hours(bool outside)
    {
        await _host.AddPersonAsync("Nagios", "nnm@monitoring.test", PersonRoles.Specialist);
        var first = await EventAsync("web01 down", "#source: nagios\nHTTP failed");
        _host.Clock.Advance(outside ? JustOutside : JustInside);

        var repeat = await EventAsync("web01 down", "#source: nagios\nHTTP failed");

        Assert.Equal(outside, repeat.TicketId != first.TicketId);
        Assert.Equal(outside ? 2 : 1, await TicketCountAsync());
    }

    [Fact]
    public async Task ProcessAsync_RepeatedEventProcessedLate_CountsTheWindowFromReceipt()
    {
        await _host.AddPersonAsync("Nagios", "nnm@monitoring.test", PersonRoles.Specialist);
        var first = await EventAsync("web01 down", "#source: nagios\nHTTP failed");
        _host.Clock.Advance(JustInside);
        var stored = await StoreEventAsync("web01 down", "#source: nagios\nHTTP failed");
        _host.Clock.Advance(TimeSpan.FromHours(2)); // e.g. the processor was down

        var repeat = await ProcessStoredAsync(stored);

        Assert.Equal((InboundStatus.Ignored, first.TicketId), (repeat.Status, repeat.TicketId));
    }

    [Fact]
    public async Task ProcessAsync_SameCiWithin24Hours_AddsNoteOnceThenNothing()
    {
        await _host.AddPersonAsync("Nagios", "nnm@monitoring.test", PersonRoles.Specialist);
        await AddSwitchAsync();
        var first = await EventAsync("core-switch down", "#ci: CORE-SW-1\nport 1 down");
        _host.Clock.Advance(TimeSpan.FromHours(2));

        var second = await EventAsync("core-switch still down", "#ci: CORE-SW-1\nport 2 down");
        var repeat = await EventAsync("core-switch still down", "#ci: CORE-SW-1\nport 2 down");
        var empty = await EventAsync("core-switch", "#ci: CORE-SW-1");

        Assert.Equal((InboundStatus.Processed, first.TicketId), (second.Status, second.TicketId));
        Assert.Equal((InboundStatus.Ignored, first.TicketId), (repeat.Status, repeat.TicketId));
        Assert.Equal((InboundStatus.Ignored, first.TicketId), (empty.Status, empty.TicketId));
        Assert.Contains("has no text", empty.Outcome);
        Assert.Equal(["port 2 down", "port 1 down"], (await TicketAsync(first.TicketId)).PublicLog.Select(e => e.Html));
    }

    [Fact]
    public async Task ProcessAsync_SameCiWithParameters_RecordsThoseNotUsedForMatchingAsIgnored()
    {
        await _host.AddPersonAsync("Nagios", "nnm@monitoring.test", PersonRoles.Specialist);
        await AddSwitchAsync();
        var first = await EventAsync("core-switch down", "#source: nagios #ci: CORE-SW-1\nport 1 down");

        var second = await EventAsync("core-switch down", "#source: nagios #ci: CORE-SW-1 #impact: low #source_id: evt-2\nport 2 down");

        const string ignored = "Parameters cannot update an existing request; these were ignored: #impact: low, #source_id: evt-2.";
        Assert.Equal(first.TicketId, second.TicketId);
        Assert.Contains(ignored, second.Outcome);
        var ticket = await TicketAsync(first.TicketId);
        Assert.Contains(ticket.Audit, a => a.Note == ignored);
        Assert.Equal(TicketImpact.Top, ticket.Impact);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ProcessAsync_SameCiAtTheWindowEdge_AddsANoteOnlyWithin24Hours(bool outside)
    {
        await _host.AddPersonAsync("Nagios", "nnm@monitoring.test", PersonRoles.Specialist);
        await AddSwitchAsync();
        var first = await EventAsync("core-switch down", "#ci: CORE-SW-1\nport 1 down");
        _host.Clock.Advance(outside ? JustOutside : JustInside);

        var later = await EventAsync("core-switch down", "#ci: CORE-SW-1\nport 2 down");

        Assert.Equal(outside, later.TicketId != first.TicketId);
        Assert.Equal(outside ? 2 : 1, await TicketCountAsync());
    }
}
