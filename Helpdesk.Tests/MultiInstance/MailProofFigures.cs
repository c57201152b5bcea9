using Helpdesk.Tests.Benchmarks;
using Helpdesk.Tests.TestSupport.MultiInstance;

namespace Helpdesk.Tests.MultiInstance;

/// <summary>What <see cref="MailProof"/> counted and timed.</summary>
/// <param name="Deliveries">Deliveries to Dovecot per outbox Message-ID (mail of other Message-IDs in those mailboxes too).</param>
/// <param name="ClaimedAtKill">Outbox mails claimed by either console when the holder was killed.</param>
/// <param name="TakenOverOutbox">Of those, the mails the survivor sent after their claim expired: the killed console's.</param>
public sealed record MailProofFigures(int Mails, long Tickets, long DistinctInbound, long DuplicateTickets, long InboundStoredTwice,
    int OutboxRows, int OutboxSent, IReadOnlyDictionary<string, int> Deliveries, int ClaimedAtKill, int TakenOverOutbox,
    TimeSpan MailboxTakeOver, TimeSpan? OutboxTakeOver, TimeSpan TicketsDone, TimeSpan AllDelivered, string SurvivorHealth, string LoadAverage)
{
    public const string Scenario = "two-consoles";

    public IReadOnlyList<string> OutboxMessageIds { get; init; } = [];

    /// <summary>Outbox mails delivered more than once, with how often: the at-least-once window of the killed console.</summary>
    public IReadOnlyList<(string MessageId, int Times)> DuplicateDeliveries =>
        [.. OutboxMessageIds.Where(id => Deliveries.GetValueOrDefault(id) > 1).Select(id => (id, Deliveries[id]))];

    public IReadOnlyList<string> Undelivered => [.. OutboxMessageIds.Where(id => !Deliveries.ContainsKey(id))];

    public int ExtraDeliveries => DuplicateDeliveries.Sum(d => d.Times - 1);

    public bool NothingLost => Tickets == Mails && DistinctInbound == Mails && OutboxSent == OutboxRows && OutboxRows >= Mails && Undelivered.Count == 0;

    /// <summary>Duplicate deliveries can only be mails the killed console had claimed; tickets are never duplicated.</summary>
    public bool DuplicatesOnlyInWindow => DuplicateTickets == 0 && InboundStoredTwice == 0 && DuplicateDeliveries.Count <= TakenOverOutbox;

    public IEnumerable<string> Lines()
    {
        yield return $"{Mails} inbound mails → {Tickets} tickets ({DistinctInbound} distinct mails stored, {DuplicateTickets} duplicate tickets, {InboundStoredTwice} stored twice), " +
            $"all tickets after {TicketsDone.TotalSeconds:0.0} s";
        yield return $"{OutboxRows} outbox mails, {OutboxSent} sent, {OutboxMessageIds.Count(Deliveries.ContainsKey)} delivered to Dovecot, {Undelivered.Count} undelivered, " +
            $"{DuplicateDeliveries.Count} delivered twice or more ({ExtraDeliveries} extra deliveries); all delivered after {AllDelivered.TotalSeconds:0.0} s";
        yield return $"mailbox taken over {MailboxTakeOver.TotalSeconds:0.0} s after the kill (lease period {TwoConsoles.LeasePeriod.TotalSeconds} s); " +
            $"{ClaimedAtKill} outbox mails claimed at the kill, {TakenOverOutbox} of them the killed console's, sent by the survivor " +
            (OutboxTakeOver is { } t ? $"{t.TotalSeconds:0.0} s after the kill" : "(none)") + $" (claim lease {TwoConsoles.ClaimLease.TotalSeconds} s)";
        foreach (var (id, times) in DuplicateDeliveries) yield return $"  delivered {times}×: <{id}>";
        foreach (var id in Undelivered.Take(20)) yield return $"  undelivered: <{id}>";
        yield return $"load average {LoadAverage}; survivor's /health: {SurvivorHealth}";
    }

    public BenchmarkResult ToResult() => new(
        $"{Scenario}: {Mails} mails in and out, holder killed",
        $"{Mails / AllDelivered.TotalSeconds:0.0} mails/s in+out ({Tickets}/{Mails} tickets, {OutboxMessageIds.Count(Deliveries.ContainsKey)}/{OutboxRows} delivered, " +
            $"{DuplicateTickets} duplicate tickets, {ExtraDeliveries} duplicate deliveries of {TakenOverOutbox} taken-over mails; take-over: mailbox " +
            $"{MailboxTakeOver.TotalSeconds:0.0} s, outbox {OutboxTakeOver?.TotalSeconds.ToString("0.0") ?? "–"} s)",
        $"load average {LoadAverage}", 0, "every mail once; duplicates only of the killed console's claimed mails", NothingLost && DuplicatesOnlyInWindow, Mails);
}
