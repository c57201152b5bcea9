using Helpdesk.Core.Common;
using Helpdesk.Core.Security;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Blazor.Features.Tickets.Live;

/// <summary>
/// A list request in one canonical form (statuses sorted, page and size as the query clamps them) together with the
/// viewer's <see cref="TicketListScope"/>: lists with equal keys show the same rows, so they may share one result.
/// </summary>
public sealed record TicketListKey(
    int Page, int PageSize, string? Text, string Statuses, int? TeamId, int? MemberId, bool Unassigned, bool OverdueOnly,
    TicketImpact? Impact, TicketSortField Sort, bool Descending, TicketListScope Scope)
{
    public static TicketListKey Of(TicketListRequest request, Actor actor) => new(
        Math.Max(0, request.Page), Math.Clamp(request.PageSize, 1, TicketListQuery.MaxPageSize), request.Text,
        string.Join(',', request.Statuses.Distinct().Order()), request.TeamId, request.MemberId, request.Unassigned,
        request.OverdueOnly, request.Impact, request.Sort, request.Descending, TicketAccess.ListScopeOf(actor));
}
