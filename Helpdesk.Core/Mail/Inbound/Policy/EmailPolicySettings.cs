using Helpdesk.Core.Persistence;
using Helpdesk.Core.SharedState;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Mail.Inbound.Policy;

/// <summary>The effective email policy for unknown senders: the administrator's saved choice, else configuration.</summary>
public sealed class EmailPolicySettings(IDbContextFactory<HelpdeskDbContext> contextFactory, IOptions<InboundMailOptions> options, SettingsChanges changes)
{
    public async Task<UnknownSenderPolicy> GetAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await GetAsync(db, ct);
    }

    /// <summary>Reads within the caller's context, e.g. while a mail is processed (once per inbound batch: <see cref="BatchSettings"/>).</summary>
    public Task<UnknownSenderPolicy> GetAsync(HelpdeskDbContext db, CancellationToken ct) =>
        BatchSettings.ReadAsync(SettingsChanges.EmailPolicy, async () =>
            await db.Set<SavedEmailPolicy>().AsNoTracking().Where(p => p.Id == SavedEmailPolicy.SingletonId)
                .Select(p => (UnknownSenderPolicy?)p.UnknownSenders).FirstOrDefaultAsync(ct) ?? options.Value.UnknownSenders);

    public async Task SaveAsync(UnknownSenderPolicy unknownSenders, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(unknownSenders))
            throw new Common.ValidationFailedException("unknownSenders", "Choose what happens to mail from unknown senders.");
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var saved = await db.Set<SavedEmailPolicy>().FirstOrDefaultAsync(p => p.Id == SavedEmailPolicy.SingletonId, ct)
            ?? db.Add(new SavedEmailPolicy()).Entity;
        saved.UnknownSenders = unknownSenders;
        await db.SaveChangesAsync(ct);
        await changes.SavedAsync(SettingsChanges.EmailPolicy, ct);
    }
}
