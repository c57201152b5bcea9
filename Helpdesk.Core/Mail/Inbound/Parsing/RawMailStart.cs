using System.Text;

namespace Helpdesk.Core.Mail.Inbound.Parsing;

/// <summary>
/// Where the headers of a stored mail begin and how big they are. mbox exports start with a "From sender date" envelope
/// line, and some tools write a few lines of their own before the headers; both are skipped, never taken as content.
/// </summary>
public sealed record RawMailStart(int Offset, string? EnvelopeSender, int HeaderBytes)
{
    /// <summary>Headers above this size are not parsed (a 10 MB header line would hold up the mailbox); such a mail is quarantined.</summary>
    public const int MaxHeaderBytes = 256 * 1024;

    // Only the first lines are searched: a mail with no header line near its start is not a mail.
    private const int MaxSkippedLines = 20;

    public bool HeadersTooLarge => HeaderBytes > MaxHeaderBytes;

    public string TooLargeReason => $"The mail's headers are larger than {MaxHeaderBytes / 1024} KB ({HeaderBytes / 1024} KB); they were not read.";

    public static RawMailStart Find(byte[] raw)
    {
        string? envelope = null;
        var offset = 0;
        for (var skipped = 0; skipped < MaxSkippedLines && offset < raw.Length; skipped++)
        {
            var end = LineEnd(raw, offset);
            var line = raw.AsSpan(offset, end - offset);
            if (IsHeaderLine(line)) return new RawMailStart(offset, envelope, HeaderSize(raw, offset));
            if (skipped == 0 && line.StartsWith("From "u8)) envelope = EnvelopeAddress(line);
            offset = Next(raw, end);
        }
        return new RawMailStart(0, null, HeaderSize(raw, 0));
    }

    private static bool IsHeaderLine(ReadOnlySpan<byte> line)
    {
        var colon = line.IndexOf((byte)':');
        if (colon <= 0) return false;
        foreach (var b in line[..colon])
            if (b is <= 32 or >= 127) return false;
        return true;
    }

    private static string? EnvelopeAddress(ReadOnlySpan<byte> line)
    {
        var text = Encoding.ASCII.GetString(line[5..]).Trim();
        var address = text.Split(' ', 2)[0];
        return address.Contains('@') ? address.ToLowerInvariant() : null;
    }

    // Up to the first empty line (or the end).
    private static int HeaderSize(byte[] raw, int offset)
    {
        for (var at = offset; at < raw.Length;)
        {
            var end = LineEnd(raw, at);
            if (end == at) return at - offset;
            at = Next(raw, end);
        }
        return raw.Length - offset;
    }

    private static int LineEnd(byte[] raw, int from)
    {
        var newline = Array.IndexOf(raw, (byte)'\n', from);
        var end = newline < 0 ? raw.Length : newline;
        return end > from && raw[end - 1] == '\r' ? end - 1 : end;
    }

    private static int Next(byte[] raw, int lineEnd)
    {
        var newline = Array.IndexOf(raw, (byte)'\n', lineEnd);
        return newline < 0 ? raw.Length : newline + 1;
    }
}
