using MimeKit;

namespace Helpdesk.Core.Mail.Outbound;

/// <param name="Field">"To", "Cc" or "Bcc": the header the address goes in when several share one mail.</param>
public sealed record OutboxRecipient(string Address, string? Name, string Why, string Field = "To");

/// <summary>
/// Builds outbox rows the same way everywhere: our Message-ID, the ticket's thread root, Auto-Submitted. Mail about a
/// ticket event is threaded further by <see cref="MailOut.MailOutComposer"/>.
/// </summary>
public static class OutboxMail
{
    /// <param name="to">The mail's recipients, each in the header its Field names.</param>
    public static OutboxMessage Create(string kind, int? ticketId, string from, IReadOnlyList<OutboxRecipient> to, string subject,
        string textBody, string? htmlBody, string host, DateTime now, string? inReplyTo = null) => new()
    {
        MessageId = $"<{Guid.NewGuid():N}@{host}>",
        TicketId = ticketId,
        Kind = kind,
        From = from,
        To = Addresses(to.Where(r => r.Field is not ("Cc" or "Bcc"))),
        Cc = Addresses(to.Where(r => r.Field == "Cc")),
        Bcc = Addresses(to.Where(r => r.Field == "Bcc")),
        Subject = Fit(subject),
        TextBody = textBody,
        HtmlBody = htmlBody,
        InReplyTo = inReplyTo ?? (ticketId is { } id ? ThreadRoot(id, host) : null),
        References = ticketId is { } t ? ThreadRoot(t, host) : inReplyTo,
        AutoSubmitted = true,
        RecipientReasons = string.Join('\n', to.Select(r => $"{r.Address}: {r.Field} — {r.Why}")),
        Status = OutboxStatus.Pending,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    private static string Fit(string subject)
    {
        if (subject.Length <= OutboxMessage.MaxSubjectLength) return subject;
        var cut = OutboxMessage.MaxSubjectLength - 1;
        if (char.IsHighSurrogate(subject[cut - 1])) cut--;
        return subject[..cut] + "…";
    }

    private static string Addresses(IEnumerable<OutboxRecipient> recipients) =>
        string.Join(", ", recipients.Select(r => r.Name is null ? r.Address : new MailboxAddress(r.Name, r.Address).ToString()));

    /// <summary>The Message-ID every mail about a ticket refers to, so replies find their ticket.</summary>
    public static string ThreadRoot(int ticketId, string host) => $"<ticket-{ticketId}@{host}>";
}
