using Helpdesk.Core.Tickets.Events;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Blazor.Features.Tickets.Store;

/// <param name="ChangesHeardAt">For a reload after changes: when the last was heard, so a list shared with other circuits is recent enough (<see cref="Live.SharedTicketListResults"/>); null loads a fresh list.</param>
/// <param name="Changed">For a reload after changes: the tickets that changed, tinted when the reloaded page is shown.</param>
public sealed record LoadTicketsAction(TicketListRequest Request, long? ChangesHeardAt = null, IReadOnlyCollection<int>? Changed = null);

/// <param name="Changed">The reload's changed tickets (<see cref="LoadTicketsAction.Changed"/>), heard at <paramref name="ChangesHeardAt"/>.</param>
public sealed record LoadTicketsSucceededAction(TicketListRequest Request, TicketListResult Result, IReadOnlyCollection<int>? Changed = null, long ChangesHeardAt = 0);

public sealed record LoadTicketsFailedAction(string Error);

/// <param name="HeardAt">When the last of the changes was heard (<see cref="TimeProvider.GetTimestamp"/>).</param>
public sealed record TicketsChangedExternallyAction(IReadOnlyList<TicketChanged> Changes, long HeardAt);

/// <summary>The tint of rows whose changes were heard at or before <paramref name="HeardAt"/> has been shown long enough.</summary>
public sealed record ChangeMarksExpiredAction(long HeardAt);

/// <summary>A ticket changed elsewhere, heard at <paramref name="HeardAt"/> (<see cref="TimeProvider.GetTimestamp"/>): its row may be patched in at once (<see cref="Live.TicketListPatch"/>).</summary>
public sealed record TicketRowChangedAction(TicketChanged Change, long HeardAt);

/// <summary>A changed ticket's row for the list <paramref name="Request"/> (null: it no longer matches), from a query started after <paramref name="HeardAt"/>.</summary>
public sealed record TicketRowPatchedAction(TicketListRequest Request, int TicketId, TicketSummary? Row, long HeardAt);
