namespace Helpdesk.Core.Tickets.Queries;

public enum TicketSortField
{
    Number,
    Subject,
    Status,
    Requester,
    Team,
    Member,
    CreatedAt,
    UpdatedAt,
}

public sealed record TicketListRequest
{
    public int Page { get; init; }
    public int PageSize { get; init; } = 25;
    public string? Text { get; init; }
    public IReadOnlyList<TicketStatus> Statuses { get; init; } = [];
    public int? TeamId { get; init; }
    public int? MemberId { get; init; }

    /// <summary>Only tickets nobody is assigned to (no member); <see cref="MemberId"/> is then ignored.</summary>
    public bool Unassigned { get; init; }

    /// <summary>Only tickets found overdue (and not yet completed or closed).</summary>
    public bool OverdueOnly { get; init; }
    public TicketImpact? Impact { get; init; }
    public TicketSortField Sort { get; init; } = TicketSortField.UpdatedAt;
    public bool Descending { get; init; } = true;
}

/// <param name="StatusCounts">Counts per status for the current filters other than status, so every status chip shows what it would list.</param>
public sealed record TicketListResult(IReadOnlyList<TicketSummary> Items, int TotalCount, IReadOnlyDictionary<TicketStatus, int> StatusCounts);
