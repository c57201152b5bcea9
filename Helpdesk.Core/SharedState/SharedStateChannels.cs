namespace Helpdesk.Core.SharedState;

/// <summary>The PostgreSQL NOTIFY channels by which instances sharing one database tell each other of commits.</summary>
public static class SharedStateChannels
{
    /// <summary>Payload: the highest <see cref="Tickets.Writing.TicketChange"/> id of the commit (a hint; the log is read).</summary>
    public const string TicketChanges = "helpdesk_ticket_changes";

    /// <summary>Payload: the name of the saved setting (<see cref="SettingsChanges"/>).</summary>
    public const string Settings = "helpdesk_settings";

    /// <summary>Payload: the id of a ticket someone opened, typed in or left (<see cref="Tickets.Presence.SharedTicketPresence"/>).</summary>
    public const string Presence = "helpdesk_presence";
}
