using Helpdesk.Blazor.Features.Tickets.Presence;
using Helpdesk.Core.CaseLog;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.Tests.Blazor.Features.Tickets.Presence;

public sealed class TicketPresenceRegistryTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly TicketPresenceRegistry _registry;
    private int _annNotified;

    public TicketPresenceRegistryTests() => _registry = new TicketPresenceRegistry(_clock, NullLogger<TicketPresenceRegistry>.Instance);

    private TicketPresenceRegistry.PresenceHandle JoinAnn() => _registry.Join(7, 1, "Ann Agent", () => { Interlocked.Increment(ref _annNotified); return Task.CompletedTask; });

    [Fact]
    public void Join_SecondAgentOpensTicket_FirstIsNotifiedAndBothAreListed()
    {
        using var ann = JoinAnn();

        using var bob = _registry.Join(7, 2, "Bob Agent", () => Task.CompletedTask);

        Assert.Equal(1, _annNotified);
        Assert.Equal(["Ann Agent", "Bob Agent"], _registry.Viewers(7).Select(v => v.Name));
        Assert.Empty(_registry.Viewers(8));
    }

    [Fact]
    public void Typing_PingsStop_TypingEndsAfterItsTime()
    {
        using var ann = JoinAnn();
        using var bob = _registry.Join(7, 2, "Bob Agent", () => Task.CompletedTask);

        bob.Typing(CaseLogKind.Private);
        Assert.Equal(CaseLogKind.Private, _registry.Viewers(7).Single(v => v.Name == "Bob Agent").TypingIn);
        _clock.Advance(TicketPresenceRegistry.TypingLasts + TimeSpan.FromSeconds(1));

        Assert.Null(_registry.Viewers(7).Single(v => v.Name == "Bob Agent").TypingIn);
        Assert.Equal(3, _annNotified);
    }

    [Fact]
    public void Dispose_AgentLeaves_IsNoLongerListed()
    {
        using var ann = JoinAnn();
        var bob = _registry.Join(7, 2, "Bob Agent", () => Task.CompletedTask);

        bob.Dispose();
        bob.Dispose();

        Assert.Equal(["Ann Agent"], _registry.Viewers(7).Select(v => v.Name));
        Assert.Equal(2, _annNotified);
    }
}
