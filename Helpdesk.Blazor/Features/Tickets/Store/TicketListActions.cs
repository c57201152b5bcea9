using Helpdesk.Core.Tickets.Events;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Blazor.Features.Tickets.Store;

/// <param name="ChangesHeardAt">For a reload after changes: when the last was heard, so a list shared with other circuits is recent enough (<see cref="Live.SharedTicketListResults"/>); null loads a fresh list.</param>
public sealed record LoadTicketsAction(TicketListRequest Request, long? ChangesHeardAt = null);

public sealed record LoadTicketsSucceededAction(TicketListRequest Request, TicketListResult Result);

public sealed record LoadTicketsFailedAction(string Error);

/// <param name="HeardAt">When the last of the changes was heard (<see cref="TimeProvider.GetTimestamp"/>).</param>
public sealed record TicketsChangedExternallyAction(IReadOnlyList<TicketChanged> Changes, long HeardAt);

/// <summary>The tint of rows whose changes were heard at or before <paramref name="HeardAt"/> has been shown long enough.</summary>
public sealed record ChangeMarksExpiredAction(long HeardAt);
