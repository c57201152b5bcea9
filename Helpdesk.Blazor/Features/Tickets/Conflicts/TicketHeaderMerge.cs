using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Blazor.Features.Tickets.Conflicts;

public sealed record TicketHeaderMergeResult(TicketHeaderForm Form, IReadOnlyList<FieldConflict> Conflicts);

/// <summary>
/// Three-way merge of the header: what the agent loaded, what they typed, and what someone else saved meanwhile.
/// Fields only the other person changed are taken; fields only the agent changed are kept; fields both changed
/// differently are conflicts, which keep the agent's value until they choose.
/// </summary>
public static class TicketHeaderMerge
{
    public static TicketHeaderMergeResult Merge(TicketDetails loaded, TicketHeaderForm mine, TicketDetails theirs, TicketLookups lookups)
    {
        var baseline = TicketHeaderForm.From(loaded);
        var their = TicketHeaderForm.From(theirs);
        var merged = mine.RebasedOn(theirs.Version);
        var conflicts = new List<FieldConflict>();
        foreach (var field in HeaderField.All)
        {
            var (b, m, t) = (field.Get(baseline), field.Get(mine), field.Get(their));
            if (Equals(t, b) || Equals(m, t)) continue;
            if (Equals(m, b))
                field.Copy(merged, their);
            else
                conflicts.Add(new FieldConflict(field, field.Show(m, lookups), field.Show(t, lookups), their));
        }
        return new TicketHeaderMergeResult(merged, conflicts);
    }
}
