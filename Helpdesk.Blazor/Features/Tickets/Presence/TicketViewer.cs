using Helpdesk.Core.CaseLog;

namespace Helpdesk.Blazor.Features.Tickets.Presence;

/// <summary>An open ticket page as others see it: who, and which log they are typing in (if any).</summary>
public sealed record TicketViewer(Guid SessionId, int? PersonId, string Name, CaseLogKind? TypingIn);
