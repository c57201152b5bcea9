namespace Helpdesk.Core.Tickets;

public static class TicketRules
{
    public const int MaxSubjectLength = 250;
}
