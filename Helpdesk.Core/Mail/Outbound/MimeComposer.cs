using Helpdesk.Core.Attachments;
using Helpdesk.Core.Tickets;
using MimeKit;
using MimeKit.IO;
using MimeKit.IO.Filters;
using MimeKit.Utils;

namespace Helpdesk.Core.Mail.Outbound;

/// <summary>
/// Builds the MIME message for an outbox row, keeping its Message-ID so every resend is the same mail. The message comes
/// out encoded for 7-bit SMTP, so the raw copy kept of it (written in <see cref="WireFormat"/>) is byte for byte what the
/// server received: MailKit would otherwise pick the encodings only while sending, after the copy was written.
/// </summary>
public sealed class MimeComposer(BlobStore blobs)
{
    /// <summary>How a composed mail is written as bytes: as on the wire, with CRLF line ends. A new one each time, since
    /// MimeKit's options can be changed and a change by one writer must not reach another's mail.</summary>
    public static FormatOptions WireFormat => new() { NewLineFormat = NewLineFormat.Dos };

    /// <summary>
    /// The longest line a part may keep unencoded: SMTP's limit (RFC 5321/5322), as MailKit uses when it prepares a mail
    /// itself. At MimeKit's default of 78 every paragraph of plain ASCII text went out quoted-printable, broken into
    /// 76-column lines: more bytes and lines for the mail server and the receiving program to handle, for nothing.
    /// Non-ASCII text and longer lines are still encoded.
    /// </summary>
    public const int MaxLineLength = 998;

    public (MimeMessage Message, IReadOnlyList<MailboxAddress> Recipients) Compose(OutboxMessage outbox)
    {
        var message = new MimeMessage
        {
            MessageId = Unbracket(outbox.MessageId),
            Subject = outbox.Subject,
            Date = DateTime.SpecifyKind(outbox.CreatedAt, DateTimeKind.Utc),
        };
        message.From.AddRange(Parse(outbox.From, "From"));
        if (!string.IsNullOrWhiteSpace(outbox.ReplyTo)) message.ReplyTo.AddRange(Parse(outbox.ReplyTo, "Reply-To"));
        message.To.AddRange(Parse(outbox.To, "To"));
        message.Cc.AddRange(Parse(outbox.Cc, "Cc"));
        if (!string.IsNullOrWhiteSpace(outbox.InReplyTo)) message.InReplyTo = Unbracket(outbox.InReplyTo);
        foreach (var reference in MimeUtils.EnumerateReferences(outbox.References ?? ""))
            message.References.Add(reference);
        if (outbox.AutoSubmitted) message.Headers.Add(HeaderId.AutoSubmitted, "auto-generated");
        message.Headers.Add("X-Auto-Response-Suppress", "All");
        if (outbox.TicketId is { } ticketId) message.Headers.Add("X-Helpdesk-Ticket", TicketNumber.Format(ticketId));

        var body = new BodyBuilder { TextBody = outbox.TextBody, HtmlBody = outbox.HtmlBody };
        foreach (var attachment in outbox.Attachments)
        {
            if (!blobs.Exists(attachment.Sha256))
                throw new PermanentSendException($"The attachment \"{attachment.FileName}\" is missing from the file store.");
            using var content = blobs.OpenRead(attachment.Sha256);
            body.Attachments.Add(attachment.FileName, content, ContentType.Parse(attachment.ContentType));
        }
        message.Body = body.ToMessageBody();
        message.Prepare(EncodingConstraint.SevenBit, MaxLineLength);
        foreach (var part in message.BodyParts.OfType<MimePart>()) EncodeOnce(part);

        var recipients = message.To.Mailboxes.Concat(message.Cc.Mailboxes).Concat(Parse(outbox.Bcc, "Bcc"))
            .DistinctBy(m => m.Address, StringComparer.OrdinalIgnoreCase).ToList();
        if (recipients.Count == 0) throw new PermanentSendException("The mail has no recipient.");
        return (message, recipients);
    }

    /// <summary>
    /// Encodes a part's content once, in the transfer encoding <see cref="MimeMessage.Prepare"/> chose. A mail is written
    /// three times (the raw copy, MailKit's SIZE measure and its DATA), and MimeKit encodes decoded content on every write;
    /// encoded content it copies.
    /// </summary>
    private static void EncodeOnce(MimePart part)
    {
        if (part.Content is not { } content || part.ContentTransferEncoding is not (ContentEncoding.Base64 or ContentEncoding.QuotedPrintable)
            || content.Encoding == part.ContentTransferEncoding) return;
        var encoded = new MemoryBlockStream();
        using (var filtered = new FilteredStream(encoded))
        {
            filtered.Add(EncoderFilter.Create(part.ContentTransferEncoding));
            content.DecodeTo(filtered);
            filtered.Flush();
        }
        encoded.Position = 0;
        part.Content = new MimeContent(encoded, part.ContentTransferEncoding);
    }

    private static IEnumerable<MailboxAddress> Parse(string? list, string field)
    {
        if (string.IsNullOrWhiteSpace(list)) return [];
        if (!InternetAddressList.TryParse(list, out var parsed))
            throw new PermanentSendException($"The {field} addresses \"{list}\" cannot be read.");
        return parsed.Mailboxes;
    }

    private static string Unbracket(string id) => id.Trim().TrimStart('<').TrimEnd('>');
}
