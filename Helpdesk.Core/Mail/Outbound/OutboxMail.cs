using MimeKit;

namespace Helpdesk.Core.Mail.Outbound;

public sealed record OutboxRecipient(string Address, string? Name, string Why);

/// <summary>Builds outbox rows for automatic mail the same way everywhere: our Message-ID, the ticket's thread, Auto-Submitted.</summary>
public static class OutboxMail
{
    public static OutboxMessage Create(string kind, int? ticketId, string from, IReadOnlyList<OutboxRecipient> to, string subject,
        string textBody, string? htmlBody, string host, DateTime now, string? inReplyTo = null) => new()
    {
        MessageId = $"<{Guid.NewGuid():N}@{host}>",
        TicketId = ticketId,
        Kind = kind,
        From = from,
        To = string.Join(", ", to.Select(r => r.Name is null ? r.Address : new MailboxAddress(r.Name, r.Address).ToString())),
        Subject = subject,
        TextBody = textBody,
        HtmlBody = htmlBody,
        InReplyTo = inReplyTo ?? (ticketId is { } id ? ThreadRoot(id, host) : null),
        References = ticketId is { } t ? ThreadRoot(t, host) : inReplyTo,
        AutoSubmitted = true,
        RecipientReasons = string.Join('\n', to.Select(r => $"{r.Address}: To — {r.Why}")),
        Status = OutboxStatus.Pending,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    /// <summary>The Message-ID every mail about a ticket refers to, so replies find their ticket.</summary>
    public static string ThreadRoot(int ticketId, string host) => $"<ticket-{ticketId}@{host}>";
}
