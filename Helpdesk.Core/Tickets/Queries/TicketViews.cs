namespace Helpdesk.Core.Tickets.Queries;

/// <summary>A named list a supervisor or agent comes back to (Zammad's overviews): a filter on the ticket list.</summary>
public sealed record TicketView(string Key, string Title, Func<int?, TicketListRequest> Request)
{
    public IReadOnlyList<TicketListColumn> Columns { get; init; } = TicketListColumns.Default;
}

public static class TicketViews
{
    public const string DefaultKey = "open";

    /// <summary>The built-in views; "me" is the person behind the agent's login, when there is one.</summary>
    public static readonly IReadOnlyList<TicketView> BuiltIn =
    [
        new("mine", "My tickets", me => new() { Statuses = TicketListFilter.Open, MemberId = me ?? -1 }),
        new("unassigned", "Unassigned", _ => new() { Statuses = TicketListFilter.Open, Unassigned = true }),
        new("open", "Open", _ => new() { Statuses = TicketListFilter.Open }),
        new("waiting", "Waiting", _ => new() { Statuses = [TicketStatus.WaitingFor, TicketStatus.WaitingForCustomer] }),
        new("overdue", "Overdue", _ => new() { OverdueOnly = true }),
        new("all", "All", _ => new()),
    ];

    public static TicketView? Find(IEnumerable<TicketView> views, string? key) =>
        views.FirstOrDefault(v => string.Equals(v.Key, key, StringComparison.OrdinalIgnoreCase));
}
