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

    // .NET no longer hands out UTF-7 by name (it can hide markup from filters that do not decode it), but old Outlook
    // Express and Windows Live Mail sent it: decoded here, the text is as safe as any other, since HTML is sanitised after.
    private static readonly HashSet<string> Utf7Names = new(["utf-7", "unicode-1-1-utf-7", "unicode-2-0-utf-7", "x-unicode-1-1-utf-7", "x-unicode-2-0-utf-7", "csunicode11utf7"],
        StringComparer.OrdinalIgnoreCase);
#pragma warning disable SYSLIB0001
    private static readonly Encoding Utf7 = new UTF7Encoding();
#pragma warning restore SYSLIB0001

    public static Encoding Windows1252 => Encoding.GetEncoding(1252);

    public static bool IsUtf7(string charset) => Utf7Names.Contains(charset.Trim().Trim('"'));

    /// <summary>UTF-7, which .NET no longer hands out by name (see <see cref="Utf7Names"/>).</summary>
    public static Encoding Utf7Encoding => Utf7;

    /// <returns>The text without a leading byte order mark (Windows scripts write one): it would hide a first line's #parameter.</returns>
    public static string Decode(byte[] bytes, string? declaredCharset)
    {
        var text = Declared(declaredCharset) is { } declared && TryDecode(declared, bytes, out var declaredText)
            && !(declared.IsSingleByte && IsUtf8WithNonAscii(bytes))
                ? declaredText
                : Guess(bytes).GetString(bytes);
        return text.TrimStart('\uFEFF');
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
        var name = charset.Trim().Trim('"');
        if (Utf7Names.Contains(name)) return Utf7;
        try
        {
            return Encoding.GetEncoding(name, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
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
