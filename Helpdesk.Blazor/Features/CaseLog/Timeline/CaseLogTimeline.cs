using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Blazor.Features.CaseLog.Timeline;

/// <summary>Interleaves a ticket's public and private logs (and optionally its history) into one ordered conversation.</summary>
public static class CaseLogTimeline
{
    public static IReadOnlyList<TimelineItem> Build(TicketDetails ticket, TimelineOptions options)
    {
        var entries = ticket.PublicLog.Concat(ticket.PrivateLog)
            .Where(e => Shows(e, options))
            .Select(e => (Item: (TimelineItem)new EntryTimelineItem(e), Tiebreak: e.Id));
        var history = options.ShowHistory
            ? ticket.Audit.Select((a, index) => (Item: (TimelineItem)new HistoryTimelineItem(a), Tiebreak: (long)-index))
                .Concat(ticket.Mails.Where(m => m.CaseLogEntryId is null).Select(m => (Item: (TimelineItem)new MailTimelineItem(m), Tiebreak: m.OutboxId)))
            : [];
        // The audit trail comes newest first without an id; its position keeps changes made at the same instant in order.
        var oldestFirst = entries.Concat(history).OrderBy(x => x.Item.At).ThenBy(x => x.Tiebreak).Select(x => x.Item);
        return [.. options.NewestFirst ? oldestFirst.Reverse() : oldestFirst];
    }

    private static bool Shows(CaseLogEntryView entry, TimelineOptions options) => entry switch
    {
        { Origin: EntryOrigin.System } => options.ShowSystem,
        { Log: CaseLogKind.Private } => options.ShowPrivate,
        _ => options.ShowPublic,
    };
}
