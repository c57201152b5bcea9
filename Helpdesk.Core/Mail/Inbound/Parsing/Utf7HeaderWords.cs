using System.Text;
using System.Text.RegularExpressions;

namespace Helpdesk.Core.Mail.Inbound.Parsing;

/// <summary>
/// Header words encoded in UTF-7 (<c>=?utf-7?Q?J+APY-rg?=</c>), as Outlook Express and Windows Live Mail wrote them.
/// MimeKit resolves a word's charset by name, and .NET no longer hands UTF-7 out, so such a word kept its "+APY-" codes.
/// Here each is written again as a UTF-8 word of the same text, and MimeKit reads the header as usual.
/// </summary>
public static partial class Utf7HeaderWords
{
    /// <returns>The raw header value with its UTF-7 words in UTF-8, or the value itself when it has none.</returns>
    public static byte[] Readable(byte[] rawValue)
    {
        var text = Encoding.Latin1.GetString(rawValue);
        if (!text.Contains("utf-7", StringComparison.OrdinalIgnoreCase) && !text.Contains("utf7", StringComparison.OrdinalIgnoreCase)) return rawValue;
        var changed = false;
        var rewritten = EncodedWord().Replace(text, word =>
        {
            if (!MailCharsets.IsUtf7(word.Groups["charset"].Value) || Payload(word) is not { } bytes) return word.Value;
            changed = true;
            return $"=?utf-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes(MailCharsets.Utf7Encoding.GetString(bytes)))}?=";
        });
        return changed ? Encoding.Latin1.GetBytes(rewritten) : rawValue;
    }

    private static byte[]? Payload(Match word)
    {
        var text = word.Groups["text"].Value;
        if (word.Groups["encoding"].Value is "B" or "b")
        {
            var padded = text.PadRight(text.Length + (4 - text.Length % 4) % 4, '=');
            try
            {
                return Convert.FromBase64String(padded);
            }
            catch (FormatException)
            {
                return null;
            }
        }
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '_') bytes.Add((byte)' ');
            else if (text[i] == '=' && i + 2 < text.Length && byte.TryParse(text.AsSpan(i + 1, 2), System.Globalization.NumberStyles.HexNumber, null, out var b))
            {
                bytes.Add(b);
                i += 2;
            }
            else bytes.Add((byte)text[i]);
        }
        return [.. bytes];
    }

    // RFC 2047 and RFC 2231's language suffix (=?utf-7*en?Q?…?=).
    [GeneratedRegex(@"=\?(?<charset>[^?*]+)(\*[^?]*)?\?(?<encoding>[QqBb])\?(?<text>[^?]*)\?=")]
    private static partial Regex EncodedWord();
}
