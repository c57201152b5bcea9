namespace Helpdesk.Core.Tickets.Commands;

/// <summary>One change applied to many tickets from the list; each ticket still goes through <see cref="UpdateTicketCommand"/>.</summary>
public abstract record BulkTicketChange
{
    public abstract TicketFieldsUpdate ApplyTo(TicketFieldsUpdate update);

    public sealed record Assign(int? MemberId) : BulkTicketChange
    {
        public override TicketFieldsUpdate ApplyTo(TicketFieldsUpdate update) => update with { MemberId = MemberId };
    }

    public sealed record ChangeStatus(TicketStatus Status) : BulkTicketChange
    {
        public override TicketFieldsUpdate ApplyTo(TicketFieldsUpdate update) => update with { Status = Status };
    }

    public sealed record ChangeTeam(int? TeamId) : BulkTicketChange
    {
        public override TicketFieldsUpdate ApplyTo(TicketFieldsUpdate update) => update with { TeamId = TeamId };
    }

    public sealed record Close : BulkTicketChange
    {
        public override TicketFieldsUpdate ApplyTo(TicketFieldsUpdate update) => update with { Status = TicketStatus.Closed };
    }
}

/// <param name="Version">The version the agent saw in the list: a ticket changed since then is reported, not overwritten.</param>
public sealed record BulkTicketTarget(int TicketId, int Version);

public sealed record BulkTicketFailure(int TicketId, string Number, string Reason);

public sealed record BulkUpdateResult(IReadOnlyList<int> Updated, IReadOnlyList<BulkTicketFailure> Failures);
