using System.Collections.Immutable;
using Helpdesk.Blazor.Flux;
using Helpdesk.Core.CaseLog;
using Helpdesk.Core.CaseLog.Drafts;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Blazor.Features.Tickets.Store;

[FeatureState]
public sealed record TicketDetailsState
{
    public int? TicketId { get; init; }
    public TicketDetails? Ticket { get; init; }
    public bool IsLoading { get; init; }
    public bool NotFound { get; init; }
    public string? LoadError { get; init; }
    public bool IsSaving { get; init; }
    public string? SaveError { get; init; }
    public bool SaveConflict { get; init; }
    public ImmutableDictionary<string, string> FieldErrors { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Set when another agent changed the ticket while it is open here.</summary>
    public bool ChangedElsewhere { get; init; }

    /// <summary>The version this circuit's last save produced; reloading to it is not a change made elsewhere.</summary>
    public int? OwnVersion { get; init; }
    public ImmutableDictionary<CaseLogKind, CaseLogEditorStatus> Editors { get; init; } = ImmutableDictionary<CaseLogKind, CaseLogEditorStatus>.Empty;

    /// <summary>The agent's drafts as found on the server when the ticket was opened, to restore into the composer.</summary>
    public ImmutableDictionary<CaseLogKind, CaseLogDraftContent> Drafts { get; init; } = ImmutableDictionary<CaseLogKind, CaseLogDraftContent>.Empty;

    /// <summary>Whom a public reply would reach, as the email action's queries say; null while unknown or with no email reply.</summary>
    public ReplyRecipientsPrefill? ReplyRecipients { get; init; }

    public CaseLogEditorStatus Editor(CaseLogKind log) => Editors.GetValueOrDefault(log) ?? new CaseLogEditorStatus();
}

/// <param name="AppendedCount">Grows by one per successful append, so the editor knows to clear its draft.</param>
/// <param name="DraftsLoaded">Whether the server's drafts have been looked up, so the editor knows when to restore one.</param>
public sealed record CaseLogEditorStatus(bool IsSubmitting = false, string? Error = null, int AppendedCount = 0, bool EmailReplyAvailable = false,
    bool DraftsLoaded = false);
