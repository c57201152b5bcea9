using Helpdesk.Core.Tickets.Commands;

namespace Helpdesk.Blazor.Features.Tickets.Store;

/// <summary>What the last bulk change did, for the message above the list.</summary>
public sealed record TicketBulkOutcome(string Description, int UpdatedCount, IReadOnlyList<BulkTicketFailure> Failures);
