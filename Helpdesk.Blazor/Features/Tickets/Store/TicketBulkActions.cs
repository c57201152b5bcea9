using Helpdesk.Core.Tickets.Commands;

namespace Helpdesk.Blazor.Features.Tickets.Store;

public sealed record SelectTicketsAction(IReadOnlyCollection<int> TicketIds);

/// <param name="Description">What the change does, in the agent's words ("Assigned to Ann Agent"), for the outcome message.</param>
public sealed record BulkUpdateTicketsAction(IReadOnlyList<BulkTicketTarget> Targets, BulkTicketChange Change, string Description);

public sealed record BulkUpdateTicketsSucceededAction(string Description, BulkUpdateResult Result);

public sealed record BulkUpdateTicketsFailedAction(string Error);
