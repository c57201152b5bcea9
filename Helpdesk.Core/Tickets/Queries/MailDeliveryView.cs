using Helpdesk.Core.Mail.Outbound;

namespace Helpdesk.Core.Tickets.Queries;

public enum MailDeliveryState
{
    Queued,
    Sent,

    /// <summary>Sent, but only to the test recipient: the email action is in Test status.</summary>
    Test,
    Failed,
    Bounced,

    /// <summary>Sent; a mail server reports it delayed and keeps trying (it may still bounce).</summary>
    Delayed,
}

/// <summary>One outbox mail of a ticket as the ticket page shows it.</summary>
/// <param name="CaseLogEntryId">The entry the mail carries; null for notifications not tied to an entry.</param>
/// <param name="Problem">Why it failed, or why it is being retried.</param>
public sealed record MailDeliveryView(long OutboxId, long? CaseLogEntryId, string Kind, string To, string Cc,
    MailDeliveryState State, string? Problem, DateTime At)
{
    public static MailDeliveryView From(OutboxMessage m)
    {
        var state = m switch
        {
            { BouncedAt: not null } => MailDeliveryState.Bounced,
            { DelayedAt: not null } => MailDeliveryState.Delayed,
            { Status: OutboxStatus.Failed } => MailDeliveryState.Failed,
            { Status: OutboxStatus.Pending } => MailDeliveryState.Queued,
            { IsTest: true } => MailDeliveryState.Test,
            _ => MailDeliveryState.Sent,
        };
        var problem = state switch
        {
            MailDeliveryState.Failed => m.LastError,
            MailDeliveryState.Queued when m.LastError is not null => $"retrying after: {m.LastError}",
            MailDeliveryState.Delayed => "a mail server reports a delay and keeps trying",
            _ => null,
        };
        return new MailDeliveryView(m.Id, m.CaseLogEntryId, m.Kind, m.To, m.Cc, state, problem, m.BouncedAt ?? m.DelayedAt ?? m.SentAt ?? m.CreatedAt);
    }
}
