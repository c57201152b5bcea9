namespace Helpdesk.Core.Tickets.Writing;

/// <summary>
/// Change-log ids the <see cref="TicketChangeNotifier"/> skipped on PostgreSQL. There an id is taken when a row is
/// inserted, not when it commits: with concurrent writers the row with id 8 can be read while the one with id 7 is still
/// uncommitted, and "rows after the last delivered id" would never return 7. So the ids missing below the last delivered
/// one are looked up again on every wake for <see cref="Grace"/>; one still absent then was rolled back (or its insert
/// failed) and is given up. Chosen over reading in commit order (xid8 + pg_snapshot_xmin) because it needs no extra
/// column or snapshot bookkeeping, and a ticket write's transaction lasts far less than the grace period.
/// </summary>
internal sealed class ChangeLogGaps
{
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    // Concurrent writers leave a handful of gaps; a longer run of missing ids (a log pruned empty before the start, a
    // sequence that jumped after a crash) is mostly lost ids, so only the ones just below the row that was read are kept.
    private const int MaxGaps = 1_000;

    private readonly Dictionary<long, DateTime> _missingSince = [];

    public void NoteMissing(long after, IEnumerable<long> ids, DateTime now)
    {
        var expected = after + 1;
        foreach (var id in ids)
        {
            for (var missing = Math.Max(expected, id - (MaxGaps - _missingSince.Count)); missing < id; missing++)
                _missingSince.TryAdd(missing, now);
            expected = id + 1;
        }
    }

    /// <summary>The gaps still worth a look; those older than <see cref="Grace"/> are given up.</summary>
    public List<long> StillAwaited(DateTime now)
    {
        foreach (var id in _missingSince.Where(g => now - g.Value > Grace).Select(g => g.Key).ToList())
            _missingSince.Remove(id);
        return [.. _missingSince.Keys];
    }

    public void Arrived(IEnumerable<long> ids)
    {
        foreach (var id in ids) _missingSince.Remove(id);
    }
}
