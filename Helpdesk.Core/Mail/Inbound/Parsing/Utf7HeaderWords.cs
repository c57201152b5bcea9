using System.Text;
using System.Text.RegularExpressions;
using MimeKit.Encodings;

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
            if (!MailCharsets.IsUtf7(word.Groups["charset"].Value)) return word.Value;
            changed = true;
            return $"=?utf-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes(MailCharsets.Utf7Encoding.GetString(Payload(word))))}?=";
        });
        return changed ? Encoding.Latin1.GetBytes(rewritten) : rawValue;
    }

    // MimeKit's own decoders for a word's payload, as it decodes every other encoded word.
    private static byte[] Payload(Match word)
    {
        var input = Encoding.Latin1.GetBytes(word.Groups["text"].Value);
        IMimeDecoder decoder = word.Groups["encoding"].Value is "B" or "b" ? new Base64Decoder() : new QuotedPrintableDecoder(rfc2047: true);
        var output = new byte[decoder.EstimateOutputLength(input.Length)];
        return output[..decoder.Decode(input, 0, input.Length, output)];
    }

    // RFC 2047 and RFC 2231's language suffix (=?utf-7*en?Q?…?=).
    [GeneratedRegex(@"=\?(?<charset>[^?*]+)(\*[^?]*)?\?(?<encoding>[QqBb])\?(?<text>[^?]*)\?=")]
    private static partial Regex EncodedWord();
}
