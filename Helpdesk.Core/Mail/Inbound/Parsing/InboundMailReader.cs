using System.Security.Cryptography;
using MimeKit;
using MimeKit.Tnef;

namespace Helpdesk.Core.Mail.Inbound.Parsing;

public sealed class MalformedMailException(string message) : Exception(message);

/// <summary>Decodes a received mail leniently: broken MIME and unknown charsets degrade, they do not throw.</summary>
public static class InboundMailReader
{
    static InboundMailReader() => EnsureCharsets();

    /// <summary>
    /// .NET ships only the Unicode and Latin-1 encodings; mail arrives in gb2312, iso-2022-jp, windows-1252, koi8-r…
    /// MimeKit looks charsets up once, so this must run before anything uses MimeKit: the composition root calls it.
    /// </summary>
    public static void EnsureCharsets() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

    // A property, not a static field: a field initializer would touch MimeKit before the static constructor registers the charsets.
    public static ParserOptions Options => new() { AllowAddressesWithoutDomain = true };

    public static MimeMessage Load(byte[] raw)
    {
        if (raw.Length == 0) throw new MalformedMailException("The message is empty.");
        try
        {
            using var stream = new MemoryStream(raw, writable: false);
            var message = MimeMessage.Load(Options, stream);
            if (message.Headers.Count == 0)
                throw new MalformedMailException("The data has no mail headers; it is not an RFC 822 message.");
            return message;
        }
        catch (FormatException ex)
        {
            throw new MalformedMailException("The data is not a mail message: " + ex.Message);
        }
    }

    public static InboundMailContent Read(MimeMessage message, byte[] raw)
    {
        var from = message.From.Mailboxes.FirstOrDefault() ?? message.Sender;
        var recipients = message.To.Mailboxes.Concat(message.Cc.Mailboxes).Select(m => m.Address)
            .Concat(HeaderAddresses(message, "Delivered-To")).Concat(HeaderAddresses(message, "X-Original-To"))
            .Select(a => a.Trim().ToLowerInvariant()).Where(a => a.Length > 0).Distinct().ToList();
        var (text, html) = Bodies(message);
        return new InboundMailContent
        {
            MessageId = string.IsNullOrWhiteSpace(message.MessageId) ? SyntheticMessageId(raw) : $"<{message.MessageId}>",
            FromAddress = from?.Address?.Trim().ToLowerInvariant(),
            FromName = string.IsNullOrWhiteSpace(from?.Name) ? null : from!.Name,
            Recipients = recipients,
            CcAddresses = [.. message.Cc.Mailboxes.Select(m => m.Address.ToLowerInvariant())],
            Subject = message.Subject?.Trim() ?? "",
            Date = message.Date == DateTimeOffset.MinValue ? null : message.Date,
            InReplyTo = string.IsNullOrWhiteSpace(message.InReplyTo) ? null : $"<{message.InReplyTo}>",
            References = [.. message.References.Select(r => $"<{r}>")],
            TextBody = text,
            HtmlBody = html,
            Attachments = Attachments(message),
        };
    }

    /// <summary>A stable id for mail without a Message-ID, so fetching it twice is still recognised.</summary>
    public static string SyntheticMessageId(byte[] raw) =>
        $"<{Convert.ToHexStringLower(SHA256.HashData(raw))[..32]}@no-message-id.helpdesk.invalid>";

    private static IEnumerable<string> HeaderAddresses(MimeMessage message, string header) =>
        message.Headers.Where(h => h.Field.Equals(header, StringComparison.OrdinalIgnoreCase))
            .SelectMany(h => InternetAddressList.TryParse(h.Value, out var list) ? list.Mailboxes.Select(m => m.Address) : []);

    private static (string Text, string? Html) Bodies(MimeMessage message)
    {
        var html = message.HtmlBody;
        var text = message.TextBody;
        if (string.IsNullOrWhiteSpace(text) && html is not null)
            text = HtmlTextExtractor.Convert(html);
        return ((text ?? "").ReplaceLineEndings("\n").Trim(), html);
    }

    private static List<InboundAttachment> Attachments(MimeMessage message)
    {
        var result = new List<InboundAttachment>();
        var counter = 0;
        foreach (var part in message.BodyParts)
        {
            if (part is TnefPart tnef)
            {
                try
                {
                    foreach (var extracted in tnef.ExtractAttachments().OfType<MimePart>())
                        result.Add(FromPart(extracted, ++counter, inline: false));
                    continue;
                }
                catch (Exception ex) when (ex is FormatException or TnefException or InvalidOperationException)
                {
                    // Keep winmail.dat itself rather than lose the content.
                }
            }
            if (part is MessagePart { Message: { } attached })
            {
                using var buffer = new MemoryStream();
                attached.WriteTo(buffer);
                var name = string.IsNullOrWhiteSpace(attached.Subject) ? $"message-{++counter}" : attached.Subject;
                result.Add(new InboundAttachment(SafeName(name) + ".eml", "message/rfc822", buffer.ToArray(), false, null));
                continue;
            }
            if (part is not MimePart mime || IsBody(mime)) continue;
            var isInline = !mime.IsAttachment && mime.ContentId is not null;
            if (mime.IsAttachment || isInline || mime.ContentType.MediaType is not "text")
                result.Add(FromPart(mime, ++counter, isInline));
        }
        return result;
    }

    private static bool IsBody(MimePart part) =>
        part is TextPart text && !part.IsAttachment && part.FileName is null && (text.IsPlain || text.IsHtml);

    private static InboundAttachment FromPart(MimePart part, int counter, bool inline)
    {
        using var buffer = new MemoryStream();
        part.Content?.DecodeTo(buffer);
        var name = part.FileName;
        if (string.IsNullOrWhiteSpace(name))
        {
            var extension = MimeTypes.TryGetExtension(part.ContentType.MimeType, out var ext) ? ext : ".bin";
            name = (part.ContentType.MediaType == "image" ? "image-" : "attachment-") + counter + extension;
        }
        return new InboundAttachment(SafeName(name), part.ContentType.MimeType, buffer.ToArray(), inline, part.ContentId);
    }

    private static string SafeName(string name)
    {
        foreach (var c in Path.GetInvalidFileNameChars()) name = name.Replace(c, '_');
        return name.Trim().Length == 0 ? "attachment" : name.Trim();
    }
}
