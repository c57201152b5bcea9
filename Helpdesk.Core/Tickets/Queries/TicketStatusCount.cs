namespace Helpdesk.Core.Tickets.Queries;

/// <summary>
/// How many tickets a team (0: no team) has in a status. Triggers on "Ticket" keep it in the writer's own transaction,
/// whatever the write path (SQLite: migration TicketStatusCounts; PostgreSQL: TicketStatusCountTriggers), so the list
/// reads counts instead of scanning.
/// </summary>
public sealed class TicketStatusCount
{
    public const int NoTeam = 0;

    public int TeamId { get; set; }
    public TicketStatus Status { get; set; }
    public int Count { get; set; }
}
