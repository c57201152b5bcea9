using System.Net;
using MimeKit;
using MimeKit.Cryptography;
using MimeKit.Tnef;

namespace Helpdesk.Core.Mail.Inbound.Parsing;

/// <summary>
/// Walks a mail's parts in order and keeps all of them: every text part joins the body (a second or third text part,
/// text after an image), everything else becomes an attachment, and what cannot be decoded is attached as it came.
/// What is left out, and why, is listed in <see cref="Remarks"/>.
/// </summary>
public sealed class MailBodyParts
{
    private readonly List<(string Text, string? Html)> _segments = [];
    private int _counter;

    public List<InboundAttachment> Attachments { get; } = [];
    public List<string> Remarks { get; } = [];

    public static MailBodyParts Read(MimeMessage message)
    {
        var parts = new MailBodyParts();
        if (message.Body is not null) parts.Visit(message.Body);
        return parts;
    }

    public string Text => string.Join("\n\n", _segments.Select(s => s.Text).Concat(Remarks).Where(t => t.Length > 0)).ReplaceLineEndings("\n").Trim();

    /// <summary>The HTML body when any text part was HTML: plain parts and remarks join it as paragraphs.</summary>
    public string? Html => _segments.Any(s => s.Html is not null) ? HtmlOf(_segments) + string.Concat(Remarks.Select(r => "\n" + Paragraph(r))) : null;

    private static string HtmlOf(IEnumerable<(string Text, string? Html)> segments) => string.Join("\n", segments.Select(s => s.Html ?? Paragraph(s.Text)));

    private void Visit(MimeEntity entity)
    {
        switch (entity)
        {
            case MultipartAlternative alternative:
                VisitAlternative(alternative);
                break;
            case MultipartSigned signed when signed.Count >= 2:
                Visit(signed[0]);
                foreach (var signature in signed.Skip(1)) AddSignature(signature);
                break;
            case MultipartEncrypted { Count: >= 2 } encrypted:
                // The first part only says which version of OpenPGP follows.
                AddEncrypted(encrypted[1], "OpenPGP");
                break;
            case Multipart multipart:
                foreach (var child in multipart) Visit(child);
                break;
            case MessagePart part:
                AddMessage(part);
                break;
            case TnefPart tnef:
                AddTnef(tnef);
                break;
            case ApplicationPkcs7Mime { SecureMimeType: SecureMimeType.SignedData } opaque:
                AddOpaqueSigned(opaque);
                break;
            case ApplicationPkcs7Mime { SecureMimeType: SecureMimeType.EnvelopedData or SecureMimeType.AuthEnvelopedData } enveloped:
                AddEncrypted(enveloped, "S/MIME");
                break;
            case TextPart text when IsBodyText(text):
                AddText(text);
                break;
            case MimePart part:
                AddAttachment(part);
                break;
        }
    }

    // One reading of the content: the richest version for HTML, the plain one for text; other versions are attached.
    private void VisitAlternative(MultipartAlternative alternative)
    {
        var plain = alternative.OfType<TextPart>().LastOrDefault(t => IsBodyText(t) && t.IsPlain);
        var rich = alternative.LastOrDefault(c => c is Multipart || c is TextPart { IsHtml: true } t && IsBodyText(t));
        if (rich is null)
        {
            if (plain is not null) AddText(plain);
        }
        else
        {
            var inner = new MailBodyParts { _counter = _counter };
            inner.Visit(rich);
            _counter = inner._counter;
            // Some programs send an empty plain version beside the HTML one; the text is then the HTML's.
            var plainText = plain is null ? null : Decode(plain);
            var text = string.IsNullOrWhiteSpace(plainText) ? string.Join("\n\n", inner._segments.Select(s => s.Text)) : plainText;
            _segments.Add((text, inner._segments.Any(s => s.Html is not null) ? HtmlOf(inner._segments) : null));
            Attachments.AddRange(inner.Attachments);
            Remarks.AddRange(inner.Remarks);
        }
        // Another plain or HTML version is the same content once more; anything else (a calendar invitation) is attached.
        foreach (var other in alternative.Where(c => c != plain && c != rich && c is not TextPart { IsPlain: true } and not TextPart { IsHtml: true }))
            Visit(other);
    }

    private static bool IsBodyText(TextPart part) => !part.IsAttachment && part.FileName is null && (part.IsPlain || part.IsHtml);

    private void AddText(TextPart part)
    {
        if (Undecodable(part) is { } reason)
        {
            AddUndecoded(part, reason);
            return;
        }
        var text = Decode(part);
        if (part.IsHtml)
        {
            _segments.Add((HtmlTextExtractor.Convert(text), text));
            return;
        }
        text = text.ReplaceLineEndings("\n");
        if (InlineSigned(text) is { } signed)
        {
            _segments.Add((signed, null));
            AddSignedRemark("OpenPGP");
        }
        else
            _segments.Add((text.Trim(), null));
    }

    private static string Decode(TextPart part)
    {
        // Decoding never lengthens base64 or quoted-printable, so the encoded length holds the text without regrowing.
        using var buffer = new MemoryStream(part.Content?.Stream is { CanSeek: true } encoded ? (int)Math.Min(encoded.Length, Array.MaxLength) : 0);
        part.Content?.DecodeTo(buffer);
        var text = MailCharsets.Decode(buffer.ToArray(), part.ContentType.Charset);
        return IsFlowed(part) ? Unflow(text, part.ContentType.Parameters["delsp"]) : text;
    }

    /// <summary>
    /// The text of an inline OpenPGP-signed message (RFC 4880 cleartext signature): what stands between the armor's
    /// header lines and its signature, dash-escaped lines restored; null for any other text.
    /// </summary>
    private static string? InlineSigned(string text)
    {
        if (!text.AsSpan().TrimStart().StartsWith(SignedMessageArmor, StringComparison.Ordinal)) return null; // most texts: not split at all
        var lines = text.Trim().Split('\n');
        if (lines[0].TrimEnd() != SignedMessageArmor) return null;
        var start = Array.FindIndex(lines, line => line.Trim().Length == 0);
        var end = Array.FindIndex(lines, line => line.TrimEnd() == "-----BEGIN PGP SIGNATURE-----");
        if (start < 0 || end < start || !lines.Skip(end).Any(line => line.TrimEnd() == "-----END PGP SIGNATURE-----")) return null;
        return string.Join('\n', lines[(start + 1)..end].Select(line => line.StartsWith("- ", StringComparison.Ordinal) ? line[2..] : line)).Trim();
    }

    private const string SignedMessageArmor = "-----BEGIN PGP SIGNED MESSAGE-----";

    // RFC 3676 (Thunderbird, Apple Mail, many phones): a line ending in a space goes on in the next line.
    private static bool IsFlowed(TextPart part) =>
        part.IsPlain && string.Equals(part.ContentType.Parameters["format"], "flowed", StringComparison.OrdinalIgnoreCase);

    private static string Unflow(string text, string? delsp) =>
        new MimeKit.Text.FlowedToText { DeleteSpace = string.Equals(delsp, "yes", StringComparison.OrdinalIgnoreCase) }.Convert(text);

    private void AddAttachment(MimePart part)
    {
        if (Undecodable(part) is { } reason)
        {
            AddUndecoded(part, reason);
            return;
        }
        var attachment = MailAttachments.FromPart(part, ++_counter, inline: !part.IsAttachment && part.ContentId is not null);
        if (attachment.Content.Length == 0)
            Remarks.Add($"The attachment {attachment.FileName} was empty and was left out.");
        else
            Attachments.Add(attachment);
    }

    // Signatures are not checked here, and one file per signed reply would only clutter the ticket: the mail as it came keeps it.
    private void AddSignature(MimeEntity part)
    {
        var kind = part.ContentType.MimeType.ToLowerInvariant() switch
        {
            "application/pkcs7-signature" or "application/x-pkcs7-signature" => "S/MIME",
            "application/pgp-signature" => "OpenPGP",
            _ => null,
        };
        if (kind is null) Visit(part);
        else AddSignedRemark(kind);
    }

    private void AddSignedRemark(string kind) =>
        Remarks.Add($"The mail is signed ({kind}); the signature is not checked here and is kept with the mail as it came.");

    // An S/MIME mail signed as one opaque part (as some Outlook settings send it): its content is read out, unchecked.
    private void AddOpaqueSigned(ApplicationPkcs7Mime opaque)
    {
        MimeEntity content;
        try
        {
            using var context = new TemporarySecureMimeContext();
            opaque.Verify(context, out content);
        }
        catch (Exception)
        {
            // BouncyCastle reports damaged data in many exception types; the part as it came is attached rather than nothing.
            var before = Attachments.Count;
            AddAttachment(opaque);
            var name = Attachments.Count > before ? $", as {Attachments[^1].FileName}" : "";
            Remarks.Add($"The mail is signed (S/MIME) with its text inside the signature, which could not be read (damaged); it is attached as it came{name}.");
            return;
        }
        Visit(content);
        AddSignedRemark("S/MIME");
    }

    private void AddEncrypted(MimeEntity part, string kind)
    {
        var before = Attachments.Count;
        if (part is MimePart encrypted) AddAttachment(encrypted);
        else Visit(part);
        var name = Attachments.Count > before ? $", as {Attachments[^1].FileName}" : "";
        Remarks.Add($"The mail is encrypted ({kind}) and cannot be read here; the encrypted message is attached as it came{name}.");
    }

    private void AddUndecoded(MimePart part, string reason)
    {
        _counter++;
        var name = MailAttachments.SafeName((part.FileName ?? $"part-{_counter}") + ".undecoded.txt");
        Attachments.Add(new InboundAttachment(name, "text/plain", MailAttachments.Encoded(part), false, null));
        Remarks.Add($"A {part.ContentType.MimeType} part could not be decoded ({reason}); it is attached as it came, as {name}.");
    }

    private void AddMessage(MessagePart part)
    {
        if (part.Message is not { } attached) return;
        using var buffer = new MemoryStream();
        attached.WriteTo(buffer);
        var name = string.IsNullOrWhiteSpace(attached.Subject) ? $"message-{++_counter}" : attached.Subject;
        Attachments.Add(new InboundAttachment(MailAttachments.SafeName(name) + ".eml", "message/rfc822", buffer.ToArray(), false, null));
    }

    // Outlook's winmail.dat carries the body too (plain, HTML or only RTF) beside the files: the body joins the text,
    // the files are attached; an RTF-only body is read as text and its formatted original attached.
    private void AddTnef(TnefPart tnef)
    {
        MimeMessage converted;
        try
        {
            converted = tnef.ConvertToMessage();
        }
        catch (Exception ex) when (ex is FormatException or TnefException or InvalidOperationException)
        {
            AddAttachment(tnef); // winmail.dat itself rather than nothing
            return;
        }
        var parts = converted.BodyParts.OfType<MimePart>().ToList();
        var bodies = parts.OfType<TextPart>().Where(IsTnefBody).ToList();
        var html = bodies.FirstOrDefault(b => b.IsHtml);
        var plain = bodies.FirstOrDefault(b => b.IsPlain);
        var rtf = bodies.FirstOrDefault(b => b.IsRichText);
        if (html is not null)
            _segments.Add((plain is null ? HtmlTextExtractor.Convert(Decode(html)) : Decode(plain).ReplaceLineEndings("\n").Trim(), Decode(html)));
        else if (plain is not null)
            _segments.Add((Decode(plain).ReplaceLineEndings("\n").Trim(), null));
        else if (rtf is not null)
        {
            _segments.Add((RtfText.ToPlainText(Decode(rtf)), null));
            rtf.FileName ??= "body.rtf";
            Attachments.Add(MailAttachments.FromPart(rtf, ++_counter, inline: false));
        }
        // Decoded by the conversion already: no transfer encoding to check.
        foreach (var file in parts.Where(p => !bodies.Contains(p)))
            Attachments.Add(MailAttachments.FromPart(file, ++_counter, inline: false));
    }

    // The message's own body properties come out of the conversion as text parts without a disposition of their own.
    private static bool IsTnefBody(TextPart part) =>
        part.ContentDisposition?.FileName is null && (part.IsPlain || part.IsHtml || part.IsRichText);

    private static string? Undecodable(MimePart part) => part.ContentTransferEncoding switch
    {
        ContentEncoding.Base64 when !MailAttachments.IsBase64(part) => "broken base64",
        ContentEncoding.UUEncode when !MailAttachments.HasUuencodeBegin(part) => "uuencode without a begin line",
        _ => null,
    };

    private static string Paragraph(string text) => "<p>" + WebUtility.HtmlEncode(text).ReplaceLineEndings("<br>") + "</p>";
}
