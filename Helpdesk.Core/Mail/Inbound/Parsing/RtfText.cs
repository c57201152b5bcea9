using System.Text;

namespace Helpdesk.Core.Mail.Inbound.Parsing;

/// <summary>
/// The readable text of an RTF document (Outlook's rich-text body): paragraphs, line breaks, tabs, hex- and
/// Unicode-escaped characters in the document's code page; font tables, styles, pictures and other destinations are
/// skipped. Formatting is dropped: the original stays attached.
/// </summary>
public static class RtfText
{
    private static readonly HashSet<string> SkippedDestinations =
    [
        "fonttbl", "colortbl", "stylesheet", "info", "pict", "header", "footer", "headerl", "headerr", "footerl", "footerr",
        "object", "themedata", "colorschememapping", "latentstyles", "datastore", "xmlnstbl", "listtable", "listoverridetable",
        "rsidtbl", "generator", "filetbl", "revtbl", "mmathPr",
    ];

    public static string ToPlainText(string rtf)
    {
        var text = new StringBuilder();
        var bytes = new List<byte>(); // \'hh escapes, decoded together so multi-byte code pages read right
        var encoding = Encoding.GetEncoding(1252);
        var skipDepth = new Stack<bool>();
        var skipping = false;
        var unicodeSkip = 1;
        var pendingSkip = 0;

        void FlushBytes()
        {
            if (bytes.Count == 0) return;
            if (!skipping) text.Append(encoding.GetString(bytes.ToArray()));
            bytes.Clear();
        }

        void Append(string s)
        {
            FlushBytes();
            if (!skipping) text.Append(s);
        }

        for (var i = 0; i < rtf.Length; i++)
        {
            var c = rtf[i];
            switch (c)
            {
                case '{':
                    FlushBytes();
                    skipDepth.Push(skipping);
                    break;
                case '}':
                    FlushBytes();
                    skipping = skipDepth.Count > 0 && skipDepth.Pop();
                    break;
                case '\\' when i + 1 < rtf.Length:
                {
                    var next = rtf[i + 1];
                    if (next is '\\' or '{' or '}')
                    {
                        if (pendingSkip > 0) pendingSkip--; else Append(next.ToString());
                        i++;
                        break;
                    }
                    if (next == '\'' && i + 3 < rtf.Length && byte.TryParse(rtf.AsSpan(i + 2, 2), System.Globalization.NumberStyles.HexNumber, null, out var b))
                    {
                        if (pendingSkip > 0) pendingSkip--; else bytes.Add(b);
                        i += 3;
                        break;
                    }
                    if (next == '*')
                    {
                        // An optional destination the reader does not know: skipped with its group.
                        skipping = true;
                        i++;
                        break;
                    }
                    if (next is '~') { Append("\u00A0"); i++; break; }
                    if (next is '-' or '_') { i++; break; }
                    if (next is '\r' or '\n') { Append("\n"); i++; break; }
                    var start = i + 1;
                    var end = start;
                    while (end < rtf.Length && char.IsAsciiLetter(rtf[end])) end++;
                    var word = rtf[start..end];
                    var numberStart = end;
                    if (end < rtf.Length && rtf[end] == '-') end++;
                    while (end < rtf.Length && char.IsAsciiDigit(rtf[end])) end++;
                    int? parameter = end > numberStart && int.TryParse(rtf.AsSpan(numberStart, end - numberStart), out var n) ? n : null;
                    if (end < rtf.Length && rtf[end] == ' ') end++;
                    i = end - 1;
                    ControlWord(word, parameter);
                    break;
                }
                case '\r' or '\n':
                    break;
                default:
                    if (pendingSkip > 0) pendingSkip--; else Append(c.ToString());
                    break;
            }
        }
        FlushBytes();
        return string.Join("\n", text.ToString().Split('\n').Select(l => l.TrimEnd())).Trim();

        void ControlWord(string word, int? parameter)
        {
            switch (word)
            {
                case "par" or "line" or "row": Append("\n"); break;
                case "tab" or "cell": Append("\t"); break;
                case "emdash": Append("\u2014"); break;
                case "endash": Append("\u2013"); break;
                case "bullet": Append("\u2022"); break;
                case "lquote": Append("\u2018"); break;
                case "rquote": Append("\u2019"); break;
                case "ldblquote": Append("\u201C"); break;
                case "rdblquote": Append("\u201D"); break;
                case "uc": unicodeSkip = parameter ?? 1; break;
                case "u" when parameter is { } code:
                    Append(((char)(code < 0 ? code + 65536 : code)).ToString());
                    pendingSkip = unicodeSkip;
                    break;
                case "ansicpg" when parameter is { } codePage:
                    try { encoding = Encoding.GetEncoding(codePage); }
                    catch (Exception ex) when (ex is ArgumentException or NotSupportedException) { }
                    break;
                default:
                    if (SkippedDestinations.Contains(word)) { FlushBytes(); skipping = true; }
                    break;
            }
        }
    }
}
