using Helpdesk.Core.Mail.Inbound.Fetching;
using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Persistence;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Mail.Inbound.Mailboxes;

/// <summary>A mailbox for the admin list, never with its password. <see cref="Id"/> is null for configured ones.</summary>
public sealed record MailboxRow(int? Id, string Name, MailboxKind Kind, string? Host, int Port, SecureSocketOptions Security, string? UserName,
    string? Folder, bool UseIdle, bool Enabled, bool HasPassword, bool FetchFailing, int? DefaultHelpTopicId = null)
{
    public bool FromConfiguration => Id is null;
}

public sealed class MailboxListQuery(IDbContextFactory<HelpdeskDbContext> contextFactory, IOptions<InboundMailOptions> options)
{
    public async Task<IReadOnlyList<MailboxRow>> ExecuteAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var failing = (await db.Set<SystemAlertLog>().AsNoTracking().Where(l => l.EpisodeOpen && l.Key.StartsWith("fetch:")).Select(l => l.Key).ToListAsync(ct))
            .ToHashSet();
        var configured = options.Value.EffectiveMailboxes().Select(m => new MailboxRow(null, m.Name, m.Kind, m.Host, m.Port, m.Security, m.UserName,
            m.Folder, m.UseIdle, Enabled: true, HasPassword: !string.IsNullOrEmpty(m.Password), failing.Contains(MailboxRound.FetchAlertKeyFor(m.Name))));
        var saved = (await db.Set<Mailbox>().AsNoTracking().OrderBy(m => m.Name).ToListAsync(ct))
            .Select(m => new MailboxRow(m.Id, m.Name, m.Kind, m.Host, m.Port, m.Security, m.UserName, m.Folder, m.UseIdle, m.Enabled,
                m.ProtectedPassword is not null, m.Enabled && failing.Contains(MailboxRound.FetchAlertKeyFor(m.Name)), m.DefaultHelpTopicId));
        return [.. configured, .. saved];
    }
}
