using Helpdesk.Core.Tickets;

namespace Helpdesk.Tests.Benchmarks.Tickets;

/// <summary>The best raw SQL one database can run for what the ticket list returns, on its own copy of the seeded tickets.</summary>
public interface IListCeiling : IDisposable
{
    ListAnswer Default();
    ListAnswer ByStatus(TicketStatus status);
    ListAnswer ByTeam(int teamId);
    ListAnswer ByText(string text);
    IReadOnlyDictionary<TicketStatus, int> StatusCounts();
}
