using Helpdesk.Core.Common;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.SharedState;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Correspondence;

/// <summary>Reads the global correspondence switches per operation and saves the administrator's changes.</summary>
public sealed class CorrespondenceSettings
{
    private readonly IDbContextFactory<HelpdeskDbContext> contextFactory;
    private readonly IOptions<CorrespondenceOptions> options;
    private readonly SettingsChanges changes;
    private readonly ILogger<CorrespondenceSettings> logger;

    public CorrespondenceSettings(IDbContextFactory<HelpdeskDbContext> contextFactory, IOptions<CorrespondenceOptions> options, SettingsChanges changes,
        ILogger<CorrespondenceSettings> logger)
    {
        (this.contextFactory, this.options, this.changes, this.logger) = (contextFactory, options, changes, logger);
        LastRead = CorrespondenceSwitches.From(options.Value);
        changes.Changed += setting =>
        {
            if (SettingsChanges.Concerns(setting, SettingsChanges.Correspondence)) _ = RefreshLastReadAsync();
        };
    }

    /// <summary>
    /// The switches read last, for callers that must not touch the database (a database error alert). Until the first
    /// read it holds configuration; a save on any instance reads them again.
    /// </summary>
    public CorrespondenceSwitches LastRead { get; private set; }

    // Reads overlap (a batch's, a refresh after a save): one that started earlier may answer later, with less.
    private readonly Lock _lastReadLock = new();
    private long _reads, _lastReadNumber;

    public async Task<CorrespondenceSwitches> GetAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await GetAsync(db, ct);
    }

    /// <summary>Reads within the caller's context, e.g. inside the transaction of a ticket change (once per inbound batch: <see cref="BatchSettings"/>).</summary>
    public Task<CorrespondenceSwitches> GetAsync(HelpdeskDbContext db, CancellationToken ct) =>
        BatchSettings.ReadAsync(SettingsChanges.Correspondence, () => ReadAsync(db, ct));

    private async Task<CorrespondenceSwitches> ReadAsync(HelpdeskDbContext db, CancellationToken ct)
    {
        var read = Interlocked.Increment(ref _reads);
        var saved = await db.Set<SavedCorrespondenceSwitches>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == SavedCorrespondenceSwitches.SingletonId, ct);
        var switches = CorrespondenceSwitches.From(options.Value);
        if (saved is not null)
        {
            var alerts = await db.Set<SavedAlertSwitch>().AsNoTracking().ToListAsync(ct);
            Apply(saved, switches);
            foreach (var alert in alerts.Where(a => switches.Alerts.ContainsKey(a.Kind)))
                switches.Alerts[alert.Kind] = new AlertSwitch { Enabled = alert.Enabled, Recipients = ParseRecipients(alert.Recipients) };
        }
        lock (_lastReadLock)
            if (read > _lastReadNumber) (_lastReadNumber, LastRead) = (read, switches);
        return switches;
    }

    public async Task SaveAsync(CorrespondenceSwitches switches, CancellationToken ct = default)
    {
        Validate(switches);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var saved = await db.Set<SavedCorrespondenceSwitches>().FirstOrDefaultAsync(s => s.Id == SavedCorrespondenceSwitches.SingletonId, ct) ?? db.Add(new SavedCorrespondenceSwitches()).Entity;
        saved.AdminEmail = switches.AdminEmail.Trim();
        saved.NewTicketAutoresponseForEndUsers = switches.NewTicketAutoresponseForEndUsers;
        saved.NewTicketAutoresponseForInternalTickets = switches.NewTicketAutoresponseForInternalTickets;
        saved.NewMessageAutoresponse = switches.NewMessageAutoresponse;
        saved.NewMessageAutoresponseToCollaborators = switches.NewMessageAutoresponseToCollaborators;
        saved.OverlimitNotice = switches.OverlimitNotice;
        saved.MaxOpenTicketsPerUser = switches.MaxOpenTicketsPerUser;
        saved.SqlErrorAlerts = switches.SqlErrorAlerts;
        saved.ExcessiveLoginAlerts = switches.ExcessiveLoginAlerts;
        saved.FailedLoginThreshold = switches.FailedLoginThreshold;
        saved.FailedLoginWindow = switches.FailedLoginWindow;
        saved.SystemAlertInterval = switches.SystemAlertInterval;
        var alerts = await db.Set<SavedAlertSwitch>().ToDictionaryAsync(a => a.Kind, ct);
        foreach (var kind in CorrespondenceSwitches.AlertKinds)
        {
            var alert = alerts.GetValueOrDefault(kind) ?? db.Add(new SavedAlertSwitch { Kind = kind }).Entity;
            var wanted = switches.Alerts.GetValueOrDefault(kind) ?? new AlertSwitch { Enabled = false };
            (alert.Enabled, alert.Recipients) = (wanted.Enabled, string.Join(",", wanted.Recipients.Distinct().Order()));
        }
        await db.SaveChangesAsync(ct);
        await ReadAsync(db, ct); // refreshes LastRead for the database error alert
        await changes.SavedAsync(SettingsChanges.Correspondence, ct);
    }

    private async Task RefreshLastReadAsync()
    {
        try
        {
            await GetAsync();
        }
        catch (Exception ex)
        {
            // The next read of the switches refreshes it; a database error alert meanwhile may use the older switches.
            logger.LogWarning(ex, "Reading the correspondence switches after a change on another instance failed");
        }
    }

    /// <summary>Field names are the property names in camel case.</summary>
    public static void Validate(CorrespondenceSwitches switches)
    {
        var errors = new Dictionary<string, string>();
        var email = switches.AdminEmail?.Trim() ?? "";
        if (!EmailAddresses.IsPlain(email)) errors["adminEmail"] = "Enter one email address, such as admin@example.com.";
        if (switches.MaxOpenTicketsPerUser < 0) errors["maxOpenTicketsPerUser"] = "The limit cannot be negative; 0 means no limit.";
        if (switches.FailedLoginThreshold < 1) errors["failedLoginThreshold"] = "At least one failed login must raise the alert.";
        if (switches.FailedLoginWindow <= TimeSpan.Zero) errors["failedLoginWindow"] = "The window must be longer than zero.";
        if (switches.SystemAlertInterval <= TimeSpan.Zero) errors["systemAlertInterval"] = "The interval must be longer than zero.";
        if (errors.Count > 0) throw new ValidationFailedException(errors);
    }

    private static List<AlertRecipient> ParseRecipients(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => Enum.TryParse<AlertRecipient>(name, out var r) ? r : (AlertRecipient?)null).OfType<AlertRecipient>()];

    private static void Apply(SavedCorrespondenceSwitches saved, CorrespondenceSwitches switches)
    {
        switches.AdminEmail = saved.AdminEmail;
        switches.NewTicketAutoresponseForEndUsers = saved.NewTicketAutoresponseForEndUsers;
        switches.NewTicketAutoresponseForInternalTickets = saved.NewTicketAutoresponseForInternalTickets;
        switches.NewMessageAutoresponse = saved.NewMessageAutoresponse;
        switches.NewMessageAutoresponseToCollaborators = saved.NewMessageAutoresponseToCollaborators;
        switches.OverlimitNotice = saved.OverlimitNotice;
        switches.MaxOpenTicketsPerUser = saved.MaxOpenTicketsPerUser;
        switches.SqlErrorAlerts = saved.SqlErrorAlerts;
        switches.ExcessiveLoginAlerts = saved.ExcessiveLoginAlerts;
        switches.FailedLoginThreshold = saved.FailedLoginThreshold;
        switches.FailedLoginWindow = saved.FailedLoginWindow;
        switches.SystemAlertInterval = saved.SystemAlertInterval;
    }
}
