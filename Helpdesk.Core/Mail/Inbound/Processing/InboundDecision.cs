using Helpdesk.Core.CaseLog;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets.Commands;

namespace Helpdesk.Core.Mail.Inbound.Processing;

/// <summary>What a received mail leads to. Deciding has no side effects, so an administrator can dry-run a mail.</summary>
public abstract record InboundDecision(string Explanation)
{
    /// <summary>Notes about parameters and fallbacks, recorded in the ticket's audit trail.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Why the mail counts as automated (monitoring tool, list, auto-reply); such mail is never answered automatically.</summary>
    public string? AutomatedReason { get; init; }

    public bool IsAutomated => AutomatedReason is not null;

    /// <summary>The known, active person who sent the mail, as the decision found them (null: none, or one the email policy would create).</summary>
    public Person? Sender { get; init; }
}

/// <summary>A mail system's report about a mail the helpdesk sent: what it reports, and about which mail.</summary>
public sealed record ReportedMail(string MessageId, Parsing.DeliveryReportKind Kind);

/// <param name="Reported">For a report about our mail: the outbox row is marked with what it reports (see <see cref="ReportedMail"/>).</param>
/// <param name="TicketId">The ticket the mail was about, when it is known (e.g. a repeated event): shown on the inbound row.</param>
public sealed record IgnoreMail(string Explanation, ReportedMail? Reported = null, int? TicketId = null) : InboundDecision(Explanation);

/// <summary>Not processed: it needs an administrator (e.g. no usable sender). The explanation is the row's error.</summary>
public sealed record QuarantineMail(string Explanation) : InboundDecision(Explanation);

public enum RejectionReason
{
    UnknownAddress,
    InactivePerson,
}

/// <summary>The sender may not register requests; a polite notice goes back (never to automated senders).</summary>
public sealed record RejectSender(string Explanation, string SenderAddress, RejectionReason Reason = RejectionReason.UnknownAddress) : InboundDecision(Explanation);

public sealed record AddNote(string Explanation, int TicketId, CaseLogKind Log, string Text, TextFormat Format) : InboundDecision(Explanation)
{
    /// <summary>For a report about our mail (a bounce, a delay): the outbox row is marked with the note.</summary>
    public ReportedMail? Reported { get; init; }

    /// <summary>A mail system's report about our mail (a bounce, a delay): the people it names are not made contacts.</summary>
    public bool IsReport { get; init; }
}

public sealed record CreateRequest(string Explanation, NewTicket Ticket, bool CreateSender) : InboundDecision(Explanation)
{
    /// <summary>Each parameter of the mail: applied, or ignored and why.</summary>
    public IReadOnlyList<ParameterOutcome> Parameters { get; init; } = [];
    public int? TemplateId { get; init; }
}

/// <summary>The requester already has the maximum number of open tickets: no new one; an overlimit notice explains why (not to automated mail).</summary>
public sealed record RefuseOverLimit(string Explanation, int PersonId) : InboundDecision(Explanation);
