using System.Text.RegularExpressions;
using Helpdesk.Core.Mail.Inbound.Parsing;
using MimeKit;

namespace Helpdesk.Core.Mail.Inbound.Processing;

/// <summary>
/// Another ticket system's number for what a mail is about. <see cref="System"/> names the system and the sender's
/// domain, so that two Jira sites with an OPS-1 each are two things.
/// </summary>
public sealed record ExternalTicketNumber(string System, string Number)
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    public static ExternalTicketNumber? Find(MimeMessage message, InboundMailContent content, IReadOnlyList<ExternalTicketPatternOptions> patterns)
    {
        var domain = content.FromAddress?.Split('@').LastOrDefault() ?? "";
        foreach (var pattern in patterns.Where(p => IsFrom(p, message.Headers, domain)))
        {
            var regex = new Regex(pattern.Pattern, RegexOptions.CultureInvariant, MatchTimeout);
            if ((regex.Match(content.Subject) is { Success: true } m ? m : regex.Match(content.TextBody)) is { Success: true } match)
                return new ExternalTicketNumber($"{pattern.System} ({domain})", match.Value);
        }
        return null;
    }

    private static bool IsFrom(ExternalTicketPatternOptions pattern, HeaderList headers, string domain) =>
        pattern.Domains.Any(d => domain.Equals(d, StringComparison.OrdinalIgnoreCase) || domain.EndsWith("." + d, StringComparison.OrdinalIgnoreCase))
        || (pattern.Header is { Length: > 0 } header && headers.Any(h => header.EndsWith('-')
            ? h.Field.StartsWith(header, StringComparison.OrdinalIgnoreCase)
            : h.Field.Equals(header, StringComparison.OrdinalIgnoreCase)));
}
