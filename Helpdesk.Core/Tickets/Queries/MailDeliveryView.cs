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
            { Status: OutboxStatus.Failed } => MailDeliveryState.Failed,
            { Status: OutboxStatus.Pending } => MailDeliveryState.Queued,
            { IsTest: true } => MailDeliveryState.Test,
            _ => MailDeliveryState.Sent,
        };
        var problem = state switch
        {
            MailDeliveryState.Failed => m.LastError,
            MailDeliveryState.Queued when m.LastError is not null => $"retrying after: {m.LastError}",
            _ => null,
        };
        return new MailDeliveryView(m.Id, m.CaseLogEntryId, m.Kind, m.To, m.Cc, state, problem, m.BouncedAt ?? m.SentAt ?? m.CreatedAt);
    }
}
