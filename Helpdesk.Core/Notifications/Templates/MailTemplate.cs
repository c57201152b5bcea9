using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Common;
using Helpdesk.Core.Correspondence;
using Helpdesk.Core.HtmlSafety;

namespace Helpdesk.Core.Notifications.Templates;

public sealed class TemplateSyntaxException(string message, int position) : Exception($"{message} (at position {position})")
{
    public int Position { get; } = position;
}

/// <summary>
/// Subject/body templates with iTop placeholders: $this->attr$, $this->attr_friendlyname$, $this->head(public_log)$,
/// $this->html(private_log)$, $this->hyperlink()$, $current_contact->name$ / ->email$, and in system alerts
/// $alert->reason$ etc. (<see cref="SystemAlertFacts"/>). A "$" that does not open one of those scopes is plain text.
/// </summary>
public sealed partial class MailTemplate
{
    private readonly List<object> _parts;

    private MailTemplate(List<object> parts) => _parts = parts;

    /// <summary>The placeholder scopes the template uses: "this", "current_contact", "alert".</summary>
    public IReadOnlySet<string> Scopes => _parts.OfType<Placeholder>().Select(p => p.Scope).ToHashSet();

    private sealed record Placeholder(string Scope, string Name, string? Argument);

    private static readonly ParsedByText<MailTemplate> Parsed = new(ParseText);

    /// <summary>The template's parts, parsed once per distinct text (<see cref="ParsedByText{T}"/>).</summary>
    /// <exception cref="TemplateSyntaxException">The text does not parse.</exception>
    public static MailTemplate Parse(string text) => Parsed.Get(text);

    private static MailTemplate ParseText(string text)
    {
        var parts = new List<object>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var opens = text[i] == '$' && (Starts(text, i + 1, "this->") || Starts(text, i + 1, "current_contact->") || Starts(text, i + 1, "alert->"));
            if (!opens)
            {
                literal.Append(text[i++]);
                continue;
            }
            var close = text.IndexOf('$', i + 1);
            if (close < 0) throw new TemplateSyntaxException("A placeholder is not closed with '$'", i + 1);
            parts.Add(literal.ToString());
            literal.Clear();
            parts.Add(ParsePlaceholder(text[(i + 1)..close], i + 1));
            i = close + 1;
        }
        parts.Add(literal.ToString());
        return new MailTemplate(parts);
    }

    public string RenderText(TicketFacts facts, string publicUrl) => Render(facts, publicUrl, null);

    /// <summary>
    /// The template as an HTML body: values are HTML-encoded, entries and links are composed in as nodes, and the whole
    /// body is sanitized last (see <see cref="MailHtmlBody"/>).
    /// </summary>
    public string RenderHtml(TicketFacts facts, string publicUrl, MailAudience audience)
    {
        var body = new MailHtmlBody(audience, publicUrl);
        return body.Compose(Render(facts, publicUrl, body));
    }

    private string Render(TicketFacts facts, string publicUrl, MailHtmlBody? html)
    {
        var output = new StringBuilder();
        foreach (var part in _parts)
            output.Append(part is Placeholder p ? Value(p, facts, publicUrl, html) : (string)part);
        return output.ToString();
    }

    private static Placeholder ParsePlaceholder(string inner, int position)
    {
        var match = PlaceholderPattern().Match(inner);
        if (!match.Success) throw new TemplateSyntaxException($"'${inner}$' is not a placeholder", position);
        var scope = match.Groups["scope"].Value;
        var name = match.Groups["name"].Value.ToLowerInvariant();
        var argument = match.Groups["arg"].Success ? match.Groups["arg"].Value.ToLowerInvariant() : null;
        var valid = scope switch
        {
            "current_contact" => name is "name" or "email" && argument is null,
            "alert" => argument is null && SystemAlertFacts.Placeholders.Contains(name),
            _ => name switch
            {
                "head" or "html" => argument is "public_log" or "private_log",
                "hyperlink" => argument == "",
                _ when name.EndsWith("_friendlyname") => argument is null && TicketFacts.FriendlyAttributes.Contains(name[..^"_friendlyname".Length]),
                _ => argument is null && TicketFacts.Attributes.Contains(name),
            },
        };
        if (!valid) throw new TemplateSyntaxException($"Unknown placeholder '${inner}$'", position);
        return new Placeholder(scope, name, argument);
    }

    private static string Value(Placeholder p, TicketFacts facts, string publicUrl, MailHtmlBody? html)
    {
        string Encode(string? s) => html is not null ? WebUtility.HtmlEncode(s ?? "") : s ?? "";
        if (p.Scope == "current_contact")
            return Encode(p.Name == "email" ? facts.CurrentContact?.PrimaryEmail : facts.CurrentContact?.Name);
        if (p.Scope == "alert")
        {
            var value = facts.Alert?.Value(p.Name) ?? "";
            // Alert details are lines (e.g. the top failed-login counts); the HTML body keeps them apart.
            return html is null ? value : WebUtility.HtmlEncode(value).ReplaceLineEndings("<br>");
        }
        switch (p.Name)
        {
            case "head":
                var latest = LogOf(facts, p.Argument!).FirstOrDefault();
                return latest is null ? "" : html?.Entry(latest.Html) ?? latest.Text;
            case "html":
                var entries = LogOf(facts, p.Argument!).ToList();
                return html?.Entries(entries.Select(e => (Heading(e), e.Html)))
                    ?? string.Join("\n\n", entries.Select(e => $"{Heading(e)}\n{e.Text}"));
            case "hyperlink":
                var reference = Convert.ToString(facts.Value("ref")) ?? "";
                // Customers cannot open the agent console: until a portal exists they get the number to reply with.
                if (html?.Audience == MailAudience.Customers)
                    return Encode($"Your reference: {reference}. Reply to this mail to add to your request.");
                var url = $"{publicUrl.TrimEnd('/')}/tickets/{facts.Value("id")}";
                return html?.Link(url, reference) ?? url;
        }
        if (p.Name.EndsWith("_friendlyname"))
        {
            var attribute = p.Name[..^"_friendlyname".Length];
            var name = facts.FriendlyNames.GetValueOrDefault(attribute);
            return Encode(string.IsNullOrWhiteSpace(name) ? NoneWord(attribute) : name);
        }
        return Encode(facts.Value(p.Name) switch
        {
            DateTime d => d.ToString("yyyy-MM-dd HH:mm 'UTC'"),
            var v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture),
        });
    }

    /// <summary>What an unset reference reads as, so no sentence ends in "for :".</summary>
    private static string NoneWord(string attribute) => attribute switch
    {
        "agent_id" => "nobody yet",
        "team_id" => "no team",
        "department_id" => "no department",
        "org_id" => "no organization",
        _ => "someone",
    };

    private static string Heading(CaseLogEntry e) => $"{e.AuthorName}, {e.CreatedAt:yyyy-MM-dd HH:mm} UTC";

    private static IEnumerable<CaseLogEntry> LogOf(TicketFacts facts, string log)
    {
        var kind = log == "private_log" ? CaseLogKind.Private : CaseLogKind.Public;
        var entries = facts.Entries.Where(e => e.Log == kind);
        return facts.TriggeringEntry is { } trigger && trigger.Log == kind ? entries.Where(e => e.Id != trigger.Id).Prepend(trigger) : entries;
    }

    private static bool Starts(string text, int index, string prefix) =>
        index + prefix.Length <= text.Length && string.CompareOrdinal(text, index, prefix, 0, prefix.Length) == 0;

    [GeneratedRegex(@"^(?<scope>this|current_contact|alert)->(?<name>[A-Za-z_]+)(?:\((?<arg>[A-Za-z_]*)\))?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderPattern();
}
