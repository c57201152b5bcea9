using Helpdesk.Core.Tickets.Search;

namespace Helpdesk.Blazor.Features.Search.Store;

public sealed record SearchTicketsAction(string Text);

public sealed record SearchTicketsSucceededAction(string Text, IReadOnlyList<TicketSearchResult> Results);

public sealed record SearchTicketsFailedAction(string Text, string Error);
