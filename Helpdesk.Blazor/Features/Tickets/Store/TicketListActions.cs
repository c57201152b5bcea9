using Helpdesk.Core.Tickets.Events;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Blazor.Features.Tickets.Store;

public sealed record LoadTicketsAction(TicketListRequest Request);

public sealed record LoadTicketsSucceededAction(TicketListRequest Request, TicketListResult Result);

public sealed record LoadTicketsFailedAction(string Error);

public sealed record TicketsChangedExternallyAction(IReadOnlyList<TicketChanged> Changes);
