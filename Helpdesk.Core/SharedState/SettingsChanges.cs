using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.SharedState;

/// <summary>
/// Tells whatever keeps a database-saved setting in memory that an administrator saved it. Always in this process; on
/// PostgreSQL also every other instance (<c>NOTIFY helpdesk_settings</c>, heard by <see cref="PostgresChangeListener"/>).
/// </summary>
public sealed class SettingsChanges(IDbContextFactory<HelpdeskDbContext> contextFactory, bool acrossInstances, ILogger<SettingsChanges> logger)
{
    public const string Correspondence = "correspondence";
    public const string Mailboxes = "mailboxes";
    public const string TicketViews = "ticket-views";
    public const string Notifications = "notifications";
    public const string EmailPolicy = "email-policy";

    /// <summary>Raised after the listen connection was lost: any setting may have changed meanwhile.</summary>
    public const string Any = "*";

    /// <summary>The setting's name, or <see cref="Any"/>; test it with <see cref="Concerns"/>.</summary>
    public event Action<string>? Changed;

    public static bool Concerns(string changed, string setting) => changed == setting || changed == Any;

    // Tells this instance's own notifications (it raised them already) from the others'.
    private readonly string _instance = Guid.NewGuid().ToString("N");

    /// <summary>Called after the save committed.</summary>
    public async Task SavedAsync(string setting, CancellationToken ct = default)
    {
        Raise(setting);
        if (!acrossInstances) return;
        try
        {
            await using var db = await contextFactory.CreateDbContextAsync(ct);
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify({SharedStateChannels.Settings}, {setting + "@" + _instance})", ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The save itself is committed: the administrator must not see it as failed. Other instances read the
            // setting again at their next use or poll, or when their listen connection is next opened.
            logger.LogWarning(ex, "Telling the other instances that the setting {Setting} changed failed", setting);
        }
    }

    /// <summary>A notification on <see cref="SharedStateChannels.Settings"/>: raised unless this instance sent it.</summary>
    internal void Heard(string payload)
    {
        var at = payload.LastIndexOf('@');
        if (at < 0 || payload[(at + 1)..] != _instance) Raise(at < 0 ? payload : payload[..at]);
    }

    internal void Raise(string setting)
    {
        foreach (var handler in Changed?.GetInvocationList().Cast<Action<string>>() ?? [])
        {
            try
            {
                handler(setting);
            }
            catch (Exception ex)
            {
                // One failing cache must not keep the others stale, nor fail the save that was already committed.
                logger.LogWarning(ex, "Refreshing after a change of the setting {Setting} failed", setting);
            }
        }
    }
}
