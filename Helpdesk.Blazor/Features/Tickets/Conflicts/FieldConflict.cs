namespace Helpdesk.Blazor.Features.Tickets.Conflicts;

/// <summary>A field both agents changed, to different values; the agent chooses which one stays.</summary>
public sealed record FieldConflict(HeaderField Field, string Mine, string Theirs, TicketHeaderForm TheirValues);
