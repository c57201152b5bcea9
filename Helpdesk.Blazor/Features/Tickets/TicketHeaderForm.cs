using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Blazor.Features.Tickets;

/// <summary>The header fields being edited, with the version they were loaded at.</summary>
public sealed class TicketHeaderForm
{
    public int TicketId { get; private init; }
    public int LoadedVersion { get; private set; }
    public string Subject { get; set; } = "";
    public TicketStatus Status { get; set; }
    public TicketCategory Category { get; set; }
    public TicketImpact? Impact { get; set; }
    public PersonRef? RequestedFor { get; set; }
    public int? TeamId { get; set; }
    public int? MemberId { get; set; }
    public int? DepartmentId { get; set; }
    public DateTime? ResolutionTargetAt { get; set; }
    public DateTime? DesiredCompletionAt { get; set; }
    public int? HelpTopicId { get; set; }
    public int? SlaPlanId { get; set; }

    public static TicketHeaderForm From(TicketDetails t) => new()
    {
        TicketId = t.Id,
        LoadedVersion = t.Version,
        Subject = t.Subject,
        Status = t.Status,
        Category = t.Category,
        Impact = t.Impact,
        RequestedFor = t.RequestedFor,
        TeamId = t.Team?.Id,
        MemberId = t.Member?.Id,
        DepartmentId = t.Department?.Id,
        ResolutionTargetAt = t.ResolutionTargetAt?.ToLocalTime(),
        DesiredCompletionAt = t.DesiredCompletionAt?.ToLocalTime(),
        HelpTopicId = t.HelpTopicId,
        SlaPlanId = t.SlaPlanId,
    };

    /// <summary>The same edits, to be saved over <paramref name="version"/> once the agent has seen what changed up to it.</summary>
    public TicketHeaderForm RebasedOn(int version)
    {
        var copy = (TicketHeaderForm)MemberwiseClone();
        copy.LoadedVersion = version;
        return copy;
    }

    public bool DiffersFrom(TicketDetails t) => ToUpdate() with { ExpectedVersion = 0 } != From(t).ToUpdate() with { ExpectedVersion = 0 };

    public TicketFieldsUpdate ToUpdate() => new()
    {
        TicketId = TicketId,
        ExpectedVersion = LoadedVersion,
        Subject = Subject,
        Status = Status,
        Category = Category,
        Impact = Impact,
        RequestedForId = RequestedFor?.Id ?? 0,
        TeamId = TeamId,
        MemberId = MemberId,
        DepartmentId = DepartmentId,
        ResolutionTargetAt = ResolutionTargetAt?.ToUniversalTime(),
        DesiredCompletionAt = DesiredCompletionAt?.ToUniversalTime(),
        HelpTopicId = HelpTopicId,
        SlaPlanId = SlaPlanId,
    };
}
