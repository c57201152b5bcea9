using System.Security.Cryptography;
using MimeKit;

namespace Helpdesk.Core.Mail.Inbound.Parsing;

public sealed class MalformedMailException(string message) : Exception(message);

/// <summary>Decodes a received mail leniently: broken MIME and unknown charsets degrade, they do not throw.</summary>
public static class InboundMailReader
{
    /// <summary>
    /// .NET ships only the Unicode and Latin-1 encodings; mail arrives in gb2312, iso-2022-jp, windows-1252, koi8-r…
    /// MimeKit looks charsets up once, so this must run before anything uses MimeKit: Core's module initializer calls it,
    /// and so does any other assembly that may touch MimeKit before Core.
    /// </summary>
    public static void EnsureCharsets() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

    public static ParserOptions Options => new() { AllowAddressesWithoutDomain = true };

    public static MimeMessage Load(byte[] raw)
    {
        if (raw.Length == 0) throw new MalformedMailException("The message is empty.");
        var start = RawMailStart.Find(raw);
        if (start.HeadersTooLarge) throw new MalformedMailException(start.TooLargeReason);
        try
        {
            using var stream = new MemoryStream(raw, start.Offset, raw.Length - start.Offset, writable: false);
            var message = MimeMessage.Load(OptionsFor(raw, start), stream);
            if (message.Headers.Count == 0)
                throw new MalformedMailException("The data has no mail headers; it is not an RFC 822 message.");
            return message;
        }
        catch (FormatException ex)
        {
            throw new MalformedMailException("The data is not a mail message: " + ex.Message);
        }
    }

    /// <summary>Only the headers, as the received-mail list shows them (null when there are none or they are too large).</summary>
    public static HeaderList? LoadHeaders(byte[] raw)
    {
        var start = RawMailStart.Find(raw);
        if (start.HeadersTooLarge) return null;
        try
        {
            return HeaderList.Load(OptionsFor(raw, start), new MemoryStream(raw, start.Offset, raw.Length - start.Offset, writable: false));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static MailSender SenderOf(byte[] raw, HeaderList headers)
    {
        var start = RawMailStart.Find(raw);
        return MailSender.Find(headers, OptionsFor(raw, start), start.EnvelopeSender);
    }

    public static InboundMailContent Read(MimeMessage message, byte[] raw)
    {
        var sender = SenderOf(raw, message.Headers);
        var recipients = message.To.Mailboxes.Concat(message.Cc.Mailboxes).Select(m => m.Address)
            .Concat(HeaderAddresses(message, "Delivered-To")).Concat(HeaderAddresses(message, "X-Original-To"))
            .Select(a => a.Trim().ToLowerInvariant()).Where(a => a.Length > 0).Distinct().ToList();
        var parts = MailBodyParts.Read(message);
        return new InboundMailContent
        {
            MessageId = string.IsNullOrWhiteSpace(message.MessageId) ? SyntheticMessageId(raw) : $"<{message.MessageId}>",
            FromAddress = sender.Address,
            FromName = sender.Name,
            SenderNote = sender.Note,
            Recipients = recipients,
            CcAddresses = [.. message.Cc.Mailboxes.Select(m => m.Address.ToLowerInvariant())],
            Subject = SubjectOf(message),
            Date = message.Date == DateTimeOffset.MinValue ? null : message.Date,
            InReplyTo = string.IsNullOrWhiteSpace(message.InReplyTo) ? null : $"<{message.InReplyTo}>",
            References = [.. message.References.Select(r => $"<{r}>")],
            TextBody = parts.Text,
            HtmlBody = parts.Html,
            Attachments = parts.Attachments,
        };
    }

    private static string SubjectOf(MimeMessage message)
    {
        if (message.Headers.FirstOrDefault(h => h.Id == HeaderId.Subject) is not { } header) return "";
        var readable = Utf7HeaderWords.Readable(header.RawValue);
        if (ReferenceEquals(readable, header.RawValue)) return message.Subject?.Trim() ?? "";
        var unfolded = readable.Where(b => b is not ((byte)'\r' or (byte)'\n')).ToArray();
        return MimeKit.Utils.Rfc2047.DecodeText(Options, unfolded).Trim();
    }

    /// <summary>A stable id for mail without a Message-ID, so fetching it twice is still recognised.</summary>
    public static string SyntheticMessageId(byte[] raw) =>
        $"<{Convert.ToHexStringLower(SHA256.HashData(raw))[..32]}@no-message-id.helpdesk.invalid>";

    // 8-bit header text has no charset of its own: the one its bytes read best in is taken for all of them.
    private static ParserOptions OptionsFor(byte[] raw, RawMailStart start)
    {
        var options = Options;
        var headers = raw.AsSpan(start.Offset, start.HeaderBytes);
        var eightBit = new List<byte>();
        for (int at = 0, end; at < headers.Length; at = end + 1)
        {
            end = headers[at..].IndexOf((byte)'\n') is >= 0 and var newline ? at + newline : headers.Length;
            if (headers[at..end].ContainsAnyInRange((byte)0x80, (byte)0xFF)) eightBit.AddRange(headers[at..end]);
        }
        if (eightBit.Count > 0) options.CharsetEncoding = MailCharsets.Guess(eightBit.ToArray());
        return options;
    }

    private static IEnumerable<string> HeaderAddresses(MimeMessage message, string header) =>
        message.Headers.Where(h => h.Field.Equals(header, StringComparison.OrdinalIgnoreCase))
            .SelectMany(h => InternetAddressList.TryParse(h.Value, out var list) ? list.Mailboxes.Select(m => m.Address) : []);
}
