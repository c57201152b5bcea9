using MimeKit;

namespace Helpdesk.Core.Mail.Inbound.Parsing;

/// <summary>Attachments of a received mail: decoded, named, and checked that their encoding can be decoded at all.</summary>
public static class MailAttachments
{
    public static InboundAttachment FromPart(MimePart part, int counter, bool inline)
    {
        using var buffer = new MemoryStream();
        part.Content?.DecodeTo(buffer);
        var name = part.FileName;
        if (string.IsNullOrWhiteSpace(name))
        {
            var extension = MimeTypes.TryGetExtension(part.ContentType.MimeType, out var ext) ? ext : IsText(part.ContentType) ? ".txt" : ".bin";
            name = (part.ContentType.MediaType == "image" ? "image-" : "attachment-") + counter + extension;
        }
        return new InboundAttachment(SafeName(name), part.ContentType.MimeType, buffer.ToArray(), inline, part.ContentId);
    }

    // Delivery and read reports are lines of text (RFC 3464, 8098), as is any text/* type without a known extension.
    private static bool IsText(ContentType type) => type.MediaType.Equals("text", StringComparison.OrdinalIgnoreCase)
        || type.MimeType.ToLowerInvariant() is "message/delivery-status" or "message/global-delivery-status" or "message/disposition-notification"
            or "message/feedback-report";

    public static string SafeName(string name)
    {
        foreach (var c in Path.GetInvalidFileNameChars()) name = name.Replace(c, '_');
        return name.Trim().Length == 0 ? "attachment" : name.Trim();
    }

    /// <summary>Only base64 letters, padding and white space, in a length that decodes: MimeKit skips anything else silently.</summary>
    public static bool IsBase64(MimePart part)
    {
        var letters = 0;
        foreach (var b in Encoded(part))
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') continue;
            if (!(b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9' or (byte)'+' or (byte)'/' or (byte)'='))
                return false;
            letters++;
        }
        return letters % 4 != 1;
    }

    /// <summary>Without its "begin mode name" line uuencoded data decodes to nothing.</summary>
    public static bool HasUuencodeBegin(MimePart part)
    {
        using var reader = new StreamReader(new MemoryStream(Encoded(part)), System.Text.Encoding.Latin1);
        while (reader.ReadLine() is { } line)
            if (line.StartsWith("begin ", StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>The part's content as it came, still transfer-encoded.</summary>
    public static byte[] Encoded(MimePart part)
    {
        if (part.Content?.Stream is not { } stream) return [];
        using var buffer = new MemoryStream();
        stream.Seek(0, SeekOrigin.Begin);
        stream.CopyTo(buffer);
        stream.Seek(0, SeekOrigin.Begin);
        return buffer.ToArray();
    }
}
