using Helpdesk.Core.Persistence;
using Helpdesk.Core.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Mail.Inbound.Processing;

/// <summary>Which inbound address a mail was sent to: the account's, a team's ("network.support@…"), or an alias of either.</summary>
public sealed class InboundRouter(IOptions<InboundMailOptions> options)
{
    public async Task<InboundRoute> RouteAsync(HelpdeskDbContext db, IReadOnlyList<string> recipients, CancellationToken ct)
    {
        var settings = options.Value;
        var (accountLocal, domain) = Split(settings.AccountAddress);
        foreach (var recipient in recipients)
        {
            var address = StripPlus(recipient);
            string? teamPart = null;
            if (settings.TeamAliases.FirstOrDefault(a => a.Key.Equals(address, StringComparison.OrdinalIgnoreCase)) is { Key: not null } alias)
                teamPart = alias.Value;
            else
            {
                var (local, recipientDomain) = Split(address);
                var suffix = "." + accountLocal;
                if (recipientDomain.Equals(domain, StringComparison.OrdinalIgnoreCase) && local.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                    teamPart = local[..^suffix.Length];
            }
            if (string.IsNullOrEmpty(teamPart)) continue;
            var team = await db.Set<Team>().AsNoTracking().Where(t => t.InboundLocalPart == teamPart).Select(t => new { t.Id, t.Name }).FirstOrDefaultAsync(ct);
            if (team is not null)
                return new InboundRoute(team.Id, team.Name, $"sent to team {team.Name} ({recipient})");
        }
        var toAccount = recipients.Any(r => IsAccountAddress(StripPlus(r)));
        return new InboundRoute(null, null, toAccount ? "sent to the account address" : "not addressed to a known address; taken as mail to the account");
    }

    /// <summary>True for the account address, its aliases, and any team address: mail from these is our own.</summary>
    public bool IsOwnAddress(string? address)
    {
        if (string.IsNullOrEmpty(address)) return false;
        var plain = StripPlus(address);
        var (accountLocal, domain) = Split(options.Value.AccountAddress);
        var (local, addressDomain) = Split(plain);
        return IsAccountAddress(plain) || options.Value.TeamAliases.Keys.Contains(plain, StringComparer.OrdinalIgnoreCase)
            || (addressDomain.Equals(domain, StringComparison.OrdinalIgnoreCase) && local.EndsWith("." + accountLocal, StringComparison.OrdinalIgnoreCase));
    }

    private bool IsAccountAddress(string address) =>
        address.Equals(options.Value.AccountAddress, StringComparison.OrdinalIgnoreCase)
        || options.Value.AccountAliases.Contains(address, StringComparer.OrdinalIgnoreCase);

    private static string StripPlus(string address)
    {
        var (local, domain) = Split(address);
        var plus = local.IndexOf('+');
        return (plus > 0 ? local[..plus] : local) + "@" + domain;
    }

    private static (string Local, string Domain) Split(string address)
    {
        var at = address.LastIndexOf('@');
        return at < 0 ? (address, "") : (address[..at], address[(at + 1)..]);
    }
}
