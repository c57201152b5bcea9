namespace Helpdesk.Core.Tickets;

public static class TicketRules
{
    // Room for a whole RFC 5322 line (998 characters): mail subjects are kept whole; lists cut them visually.
    public const int MaxSubjectLength = 1000;

    /// <summary>
    /// "Assigned" needs someone to be assigned to: a ticket with neither team nor member is New (unassigned) until it
    /// gets one, and a New ticket that gets one becomes Assigned — whichever path creates or edits it.
    /// </summary>
    public static TicketStatus Routed(TicketStatus status, int? teamId, int? memberId) => status switch
    {
        TicketStatus.Assigned when teamId is null && memberId is null => TicketStatus.New,
        TicketStatus.New when teamId is not null || memberId is not null => TicketStatus.Assigned,
        _ => status,
    };
}
