using System.Globalization;
using System.Text.RegularExpressions;

namespace Helpdesk.Core.Mail.Inbound.Parsing;

/// <summary>
/// Reads "#name: value" parameters (and "#shortcut"s) from the start of a mail body, one or more per line. A line is a
/// parameter line only when it starts with a known parameter or shortcut; the first line that does not (a markdown
/// "# Heading", "#hurry", plain text) starts the body. Text after a shortcut on the same line ("#high Server down")
/// also starts the body: the shortcut applies and the text is kept. Unknown names and bad values further along a
/// parameter line are reported as problems and otherwise ignored.
/// </summary>
public static partial class MailParameterParser
{
    /// <param name="accountId">The account's id (the local part of its address): a value "accountId/record" names a record of this account.</param>
    public static MailParameterResult Parse(string? text, string? accountId = null)
    {
        var original = (text ?? "").ReplaceLineEndings("\n");
        var lines = original.Split('\n');
        var parameters = new List<MailParameter>();
        var problems = new List<MailParameterProblem>();
        var index = 0;
        while (index < lines.Length && string.IsNullOrWhiteSpace(lines[index])) index++;
        var sawParameters = false;
        string? rest = null;
        for (; index < lines.Length; index++)
        {
            var line = lines[index].Trim();
            var tokens = TokenPattern().Matches(line);
            if (tokens.Count == 0 || tokens[0].Index != 0 || !IsKnown(tokens[0]))
            {
                if (sawParameters && tokens.Count > 0 && tokens[0].Index == 0)
                    problems.Add(new MailParameterProblem(index + 1, $"#{tokens[0].Groups["name"].Value} is not a known parameter or shortcut, so the parameters end here; the line is kept as text."));
                else if (!sawParameters && tokens.Count > 0 && tokens[0].Index == 0)
                    problems.Add(new MailParameterProblem(index + 1, $"#{tokens[0].Groups["name"].Value} is not a known parameter{(tokens[0].Groups["value"].Success ? "" : " or shortcut")}; the mail is read as text without parameters."));
                break;
            }
            sawParameters = true;
            var position = 0;
            foreach (Match token in tokens)
            {
                if (!string.IsNullOrWhiteSpace(line[position..token.Index])) break;
                Read(token, index + 1, accountId, parameters, problems);
                position = token.Index + token.Length;
            }
            if (!string.IsNullOrWhiteSpace(line[position..]))
            {
                rest = line[position..].Trim();
                problems.Add(new MailParameterProblem(index + 1, $"The text after the parameters on this line (\"{rest}\") starts the body; parameters after it are read as text."));
                index++;
                break;
            }
        }
        var body = !sawParameters ? original : Below(lines, index, rest);
        return new MailParameterResult(parameters, problems, body.Trim(), original.Trim());
    }

    private static string Below(string[] lines, int index, string? rest)
    {
        var below = string.Join('\n', lines.Skip(index)).Trim('\n');
        return rest is null ? below : below.Length == 0 ? rest : rest + "\n" + below;
    }

    private static bool IsKnown(Match token)
    {
        var name = token.Groups["name"].Value;
        return token.Groups["value"].Success
            ? MailParameterCatalogue.Canonical(name) is not null
            : MailParameterCatalogue.Canonical(name) is { } flag && MailParameterCatalogue.Parameters[flag] == MailParameterCatalogue.ValueKind.Flag
              || MailParameterCatalogue.Shortcut(name) is not null;
    }

    private static void Read(Match token, int line, string? accountId, List<MailParameter> parameters, List<MailParameterProblem> problems)
    {
        var name = token.Groups["name"].Value;
        var value = token.Groups["value"].Success ? token.Groups["value"].Value.Trim() : null;
        if (value is null)
        {
            if (MailParameterCatalogue.Canonical(name) is { } flag && MailParameterCatalogue.Parameters[flag] == MailParameterCatalogue.ValueKind.Flag)
                parameters.Add(new MailParameter(flag, null, line));
            else if (MailParameterCatalogue.Shortcut(name) is { } shortcut)
                parameters.Add(new MailParameter(shortcut.Name, shortcut.Value, line));
            else
                problems.Add(new MailParameterProblem(line, $"#{name} is not a known parameter or shortcut; ignored."));
            return;
        }

        var canonical = MailParameterCatalogue.Canonical(name);
        if (canonical is null)
        {
            problems.Add(new MailParameterProblem(line, $"#{name} is not a known parameter; ignored."));
            return;
        }
        string? account = null;
        var slash = value.IndexOf('/');
        // Only this account's id is a prefix ("account_id/record"); any other slash belongs to the value ("ops/network").
        if (slash > 0 && !FreeText.Contains(canonical) && accountId is not null && value[..slash].Trim().Equals(accountId, StringComparison.OrdinalIgnoreCase))
        {
            account = value[..slash];
            value = value[(slash + 1)..].Trim();
        }
        if (Validate(canonical, value) is { } error)
            problems.Add(new MailParameterProblem(line, $"#{canonical}: {error}; ignored."));
        else
            parameters.Add(new MailParameter(canonical, Normalize(canonical, value), line, account));
    }

    // Values that are free text from the sender's tool; a slash in them is never an account prefix.
    private static readonly HashSet<string> FreeText = new(StringComparer.OrdinalIgnoreCase)
        { "source", "source_id", "supplier_requestID", "ci_source", "ci_sourceID" };

    private static string? Validate(string name, string value) => MailParameterCatalogue.Parameters[name] switch
    {
        MailParameterCatalogue.ValueKind.Id when !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0
            => $"\"{value}\" is not an id (a positive whole number)",
        MailParameterCatalogue.ValueKind.DateTime when ParseDateTime(value) is null
            => $"\"{value}\" is not a date and time (use e.g. 2026-11-24T15:30:00Z or 2026-11-24 15:30)",
        MailParameterCatalogue.ValueKind.Option when !MailParameterCatalogue.Options[name].Contains(value, StringComparer.OrdinalIgnoreCase)
            => $"\"{value}\" is not one of {string.Join(", ", MailParameterCatalogue.Options[name])}",
        _ when string.IsNullOrWhiteSpace(value) && MailParameterCatalogue.Parameters[name] != MailParameterCatalogue.ValueKind.Flag
            => "a value is required",
        _ => null,
    };

    private static string Normalize(string name, string value) =>
        MailParameterCatalogue.Parameters[name] == MailParameterCatalogue.ValueKind.Option ? value.ToLowerInvariant() : value;

    /// <summary>ISO 8601 or "yyyy-MM-dd HH:mm[:ss]", with an optional offset; no offset means UTC.</summary>
    public static DateTime? ParseDateTime(string value)
    {
        string[] formats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mmK",
            "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd"];
        return DateTimeOffset.TryParseExact(value.Trim(), formats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? parsed.UtcDateTime
            : null;
    }

    // A parameter runs up to the next " #word" on the same line, so several can share a line.
    [GeneratedRegex(@"#(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*(?::(?<value>(?:(?!\s#[A-Za-z_]).)*))?", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();

}
