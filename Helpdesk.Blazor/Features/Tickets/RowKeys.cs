namespace Helpdesk.Blazor.Features.Tickets;

/// <summary>A list row's key: its ticket, and how often the row has had to be made anew to come up the list.</summary>
public readonly record struct RowKey(int TicketId, int Generation);

/// <summary>
/// Keys for a list's rows such that Blazor never moves a row in the DOM. Keyed by ticket alone, a ticket that goes on
/// top makes Blazor move every row between its old place and the new one, and the browser lays out and paints each of
/// them again. Here the most rows that kept their order among themselves keep their keys (a longest increasing run of
/// their old places); each other row that was on the page gets a new key, so its old row is removed and a new one
/// inserted where it now is. A ticket that changes in place keeps its row.
/// </summary>
public sealed class RowKeys
{
    private Dictionary<int, (int Index, int Generation)> _shown = [];

    /// <summary>The keys for <paramref name="ticketIds"/> (distinct), in their order; remembered for the next call.</summary>
    public RowKey[] For(IReadOnlyList<int> ticketIds)
    {
        var staying = InOrder(ticketIds);
        var keys = new RowKey[ticketIds.Count];
        var shown = new Dictionary<int, (int, int)>(ticketIds.Count);
        for (var i = 0; i < ticketIds.Count; i++)
        {
            var id = ticketIds[i];
            var generation = _shown.TryGetValue(id, out var before) ? (staying.Contains(id) ? before.Generation : before.Generation + 1) : 0;
            keys[i] = new RowKey(id, generation);
            shown[id] = (i, generation);
        }
        _shown = shown;
        return keys;
    }

    /// <summary>The largest set of tickets, of those shown before, whose old places still increase in the new order.</summary>
    private HashSet<int> InOrder(IReadOnlyList<int> ticketIds)
    {
        var kept = ticketIds.Where(_shown.ContainsKey).ToList();
        var places = kept.Select(id => _shown[id].Index).ToArray();
        // Patience sorting: ends[k] is the kept position ending the best run of length k + 1 found so far.
        var ends = new List<int>();
        var previous = new int[kept.Count];
        for (var i = 0; i < kept.Count; i++)
        {
            var (low, high) = (0, ends.Count);
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (places[ends[middle]] < places[i]) low = middle + 1;
                else high = middle;
            }
            previous[i] = low > 0 ? ends[low - 1] : -1;
            if (low == ends.Count) ends.Add(i);
            else ends[low] = i;
        }
        var run = new HashSet<int>();
        for (var i = ends.Count > 0 ? ends[^1] : -1; i >= 0; i = previous[i]) run.Add(kept[i]);
        return run;
    }
}
