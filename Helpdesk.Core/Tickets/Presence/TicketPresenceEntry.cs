using Helpdesk.Core.CaseLog;

namespace Helpdesk.Core.Tickets.Presence;

/// <summary>
/// PostgreSQL only: one open ticket page on some instance, so agents on other instances see it. Its instance renews
/// the row while the page is open; a row not renewed within <see cref="SharedTicketPresence.Expiry"/> is ignored
/// (its instance died) and later deleted. SQLite keeps presence in the console's memory and never writes here.
/// </summary>
public sealed class TicketPresenceEntry
{
    public Guid SessionId { get; set; }
    public int TicketId { get; set; }
    public int? PersonId { get; set; }
    public required string Name { get; set; }
    public CaseLogKind? TypingIn { get; set; }
    public required string Instance { get; set; }
    public DateTime RenewedAt { get; set; }
}
