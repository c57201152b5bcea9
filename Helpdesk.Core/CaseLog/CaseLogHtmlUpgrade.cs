using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.CaseLog;

/// <summary>
/// Renders entries stored by an older <see cref="CaseLogHtml.Version"/> again from their text, before the console serves
/// them: HTML stored before a safety fix (a hostile mail's script, remote images) must not reach a browser.
/// </summary>
internal sealed class CaseLogHtmlUpgrade(IDbContextFactory<HelpdeskDbContext> contextFactory, CaseLogHtml html, ILogger<CaseLogHtmlUpgrade> logger) : IStartupSeeder
{
    private const int BatchSize = 200;

    public int Order => -10;

    public async Task SeedAsync(CancellationToken ct)
    {
        if (!await AnyStaleAsync(ct)) return;
        var total = 0;
        while (true)
        {
            await using var db = await contextFactory.CreateDbContextAsync(ct);
            var batch = await db.Set<CaseLogEntry>().Include(e => e.Attachments)
                .Where(e => e.HtmlVersion < CaseLogHtml.Version).OrderBy(e => e.Id).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0) break;
            var ticketIds = batch.Select(e => e.TicketId).Distinct().ToList();
            var ticketSources = await db.Set<Ticket>().Where(t => ticketIds.Contains(t.Id)).Select(t => new { t.Id, t.SourceInboundId })
                .ToDictionaryAsync(t => t.Id, t => t.SourceInboundId, ct);
            foreach (var entry in batch) html.Render(entry, ticketSources.GetValueOrDefault(entry.TicketId));
            await db.SaveChangesAsync(ct);
            total += batch.Count;
        }
        if (total > 0) logger.LogInformation("Rendered {Count} case-log entries again with HTML version {Version}", total, CaseLogHtml.Version);
    }

    // Almost every start finds nothing to render: asked in plain SQL on the HtmlVersion index, that answer costs no
    // LINQ query compilation.
    private async Task<bool> AnyStaleAsync(CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var entry = db.Model.FindEntityType(typeof(CaseLogEntry))!;
        var version = entry.FindProperty(nameof(CaseLogEntry.HtmlVersion))!.GetColumnName();
        var stale = await db.ColumnAsync($"SELECT 1 FROM \"{entry.GetTableName()}\" WHERE \"{version}\" < {CaseLogHtml.Version} LIMIT 1", ct);
        return stale.Count > 0;
    }
}
