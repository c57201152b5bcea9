using Helpdesk.Core.Common;
using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Tickets.Views;

/// <summary>Every administrator's view in navigation order, for the admin page.</summary>
public sealed class SavedTicketViewListQuery(IDbContextFactory<HelpdeskDbContext> contextFactory)
{
    public async Task<IReadOnlyList<TicketViewInput>> ExecuteAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var views = await db.Set<SavedTicketView>().AsNoTracking().OrderBy(v => v.Position).ThenBy(v => v.Id).ToListAsync(ct);
        return [.. views.Select(TicketViewInput.From)];
    }
}

public sealed class DeleteTicketViewCommand(IDbContextFactory<HelpdeskDbContext> contextFactory, SharedState.SettingsChanges changes)
{
    public async Task ExecuteAsync(int id, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        if (await db.Set<SavedTicketView>().Where(v => v.Id == id).ExecuteDeleteAsync(ct) == 0)
            throw new NotFoundException("That view was already deleted.");
        await changes.SavedAsync(SharedState.SettingsChanges.TicketViews, ct);
    }
}

/// <summary>Moves a view one place up or down in the navigation by swapping it with its neighbour.</summary>
public sealed class MoveTicketViewCommand(IDbContextFactory<HelpdeskDbContext> contextFactory, SharedState.SettingsChanges changes)
{
    public async Task ExecuteAsync(int id, bool up, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var views = await db.Set<SavedTicketView>().OrderBy(v => v.Position).ThenBy(v => v.Id).ToListAsync(ct);
        var index = views.FindIndex(v => v.Id == id);
        if (index < 0) throw new NotFoundException("That view no longer exists.");
        var other = up ? index - 1 : index + 1;
        if (other < 0 || other >= views.Count) return;
        (views[index], views[other]) = (views[other], views[index]);
        for (var i = 0; i < views.Count; i++) views[i].Position = i + 1;
        await db.SaveChangesAsync(ct);
        await changes.SavedAsync(SharedState.SettingsChanges.TicketViews, ct);
    }
}
