namespace Helpdesk.Core.Tickets.Queries;

/// <summary>A column of the ticket list; a view chooses which ones it shows.</summary>
public enum TicketListColumn
{
    Number,
    Subject,
    Status,
    Requester,
    Team,
    Assignee,
    Impact,
    Due,
    Created,
    Updated,
}

public static class TicketListColumns
{
    public static readonly IReadOnlyList<TicketListColumn> Default =
    [
        TicketListColumn.Number, TicketListColumn.Subject, TicketListColumn.Status, TicketListColumn.Requester,
        TicketListColumn.Team, TicketListColumn.Assignee, TicketListColumn.Due, TicketListColumn.Updated,
    ];

    /// <summary>The sort a column's header applies; Impact and Due have none.</summary>
    public static TicketSortField? SortField(this TicketListColumn column) => column switch
    {
        TicketListColumn.Number => TicketSortField.Number,
        TicketListColumn.Subject => TicketSortField.Subject,
        TicketListColumn.Status => TicketSortField.Status,
        TicketListColumn.Requester => TicketSortField.Requester,
        TicketListColumn.Team => TicketSortField.Team,
        TicketListColumn.Assignee => TicketSortField.Member,
        TicketListColumn.Created => TicketSortField.CreatedAt,
        TicketListColumn.Updated => TicketSortField.UpdatedAt,
        _ => null,
    };
}
