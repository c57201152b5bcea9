using Helpdesk.Core.Tickets.Events;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Blazor.Features.Tickets.Live;

/// <summary>
/// Whether a change may alter a shown list page, its total or its status counts. Conservative: a change says which
/// ticket changed but not which fields, so only changes known to move nothing the list shows are passed over.
/// </summary>
public static class TicketListRelevance
{
    public static bool CanTouch(TicketChanged change, TicketListRequest request, IEnumerable<TicketSummary> page) => change.Kind switch
    {
        // A mail's delivery state shows on the ticket page only.
        TicketChangeKind.MailDeliveryChanged => false,
        // Appending to a log moves only the ticket's UpdatedAt (AppendCaseLogEntryCommand) and adds searchable text
        // (TicketSearchIndex): a ticket off the page can enter it only where the list is sorted by UpdatedAt or searched.
        TicketChangeKind.CaseLogAppended => request.Sort == TicketSortField.UpdatedAt || !string.IsNullOrWhiteSpace(request.Text)
            || page.Any(t => t.Id == change.TicketId),
        _ => true,
    };
}
