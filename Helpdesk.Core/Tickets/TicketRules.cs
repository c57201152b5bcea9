namespace Helpdesk.Core.Tickets;

public static class TicketRules
{
    // Room for a whole RFC 5322 line (998 characters): mail subjects are kept whole; lists cut them visually.
    public const int MaxSubjectLength = 1000;
}
