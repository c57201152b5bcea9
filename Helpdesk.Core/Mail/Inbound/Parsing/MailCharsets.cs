using System.Text;
using UtfUnknown;

namespace Helpdesk.Core.Mail.Inbound.Parsing;

/// <summary>
/// Reads text whose charset is missing or wrong: the declared charset when the bytes decode in it, else UTF-8 when they
/// are valid UTF-8, else what the charset detector finds, else Windows-1252 (every byte means something there).
/// </summary>
public static class MailCharsets
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    public static Encoding Windows1252 => Encoding.GetEncoding(1252);

    public static string Decode(byte[] bytes, string? declaredCharset)
    {
        if (Declared(declaredCharset) is { } declared && TryDecode(declared, bytes, out var text)
            && !(declared.IsSingleByte && IsUtf8WithNonAscii(bytes)))
            return text;
        return Guess(bytes).GetString(bytes);
    }

    /// <summary>The encoding of undeclared bytes: UTF-8 if they are valid UTF-8, else the detector's answer, else Windows-1252.</summary>
    public static Encoding Guess(ReadOnlySpan<byte> bytes)
    {
        if (IsUtf8(bytes)) return Encoding.UTF8;
        var detected = CharsetDetector.DetectFromBytes(bytes).Detected;
        return detected is { Encoding: { } encoding, Confidence: >= 0.3f } && encoding.CodePage != Encoding.UTF8.CodePage ? encoding : Windows1252;
    }

    public static bool IsUtf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            StrictUtf8.GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    // Valid multi-byte UTF-8 labelled Latin-1 or ASCII is a mislabel: real Latin-1 text almost never forms such sequences.
    private static bool IsUtf8WithNonAscii(byte[] bytes) => bytes.Any(b => b >= 0x80) && IsUtf8(bytes);

    private static Encoding? Declared(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset)) return null;
        try
        {
            return Encoding.GetEncoding(charset.Trim().Trim('"'), EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    private static bool TryDecode(Encoding encoding, byte[] bytes, out string text)
    {
        try
        {
            text = encoding.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
    }
}
