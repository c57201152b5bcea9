using Helpdesk.Core.CaseLog;

namespace Helpdesk.Core.Mail.Outbound.MailOut;

/// <summary>Who asked for a mail; see <see cref="RecipientPrecedence"/> for who keeps an address several sources reach.</summary>
/// <param name="Kind">The outbox row's kind, e.g. "email_action" or "alert:NewMessageAlert".</param>
/// <param name="Name">How the preview and the log name it, e.g. trigger "Reply to caller" (email action "Reply").</param>
/// <param name="IsAdministratorsChoice">A trigger's email action: it covers its addresses for everything else on the event.</param>
public sealed record MailSource(string Kind, string Name, bool IsAdministratorsChoice, int? TriggerId = null, int? ActionId = null)
{
    public static MailSource Trigger(int triggerId, string trigger, int actionId, string action) =>
        new("email_action", $"trigger \"{trigger}\" (email action \"{action}\")", true, triggerId, actionId);

    /// <summary>A built-in autoresponse, alert or notice.</summary>
    public static MailSource BuiltIn(string kind, string label) => new(kind, label, false);
}

/// <summary>
/// One mail that a source (a trigger's email action, a built-in autoresponse or alert) wants sent for a ticket event.
/// <see cref="MailOutComposer"/> turns the intents of one event into outbox rows: each address once, one threading.
/// </summary>
public sealed record MailIntent
{
    public required MailSource Source { get; init; }
    public required MailWording Wording { get; init; }

    /// <summary>Each with the header it goes in ("To", "Cc" or "Bcc") and why it is there.</summary>
    public required IReadOnlyList<OutboxRecipient> Recipients { get; init; }

    /// <summary>
    /// True: one mail carries all recipients (an email action, a reply-all to a ticket's participants). False: one mail
    /// each, so an alert never shows who else was told.
    /// </summary>
    public bool OneMailForAll { get; init; }

    /// <summary>The case-log entry the mail carries: its attachments go along and the entry shows the delivery.</summary>
    public CaseLogEntry? Entry { get; init; }

    /// <summary>Null: the helpdesk's own account address.</summary>
    public string? From { get; init; }
    public string? ReplyTo { get; init; }

    /// <summary>False only for a person's answer (an agent's reply from the case log); notifications are automatic.</summary>
    public bool AutoSubmitted { get; init; } = true;

    /// <summary>The email action is in Test status: the mail goes to its test recipient only.</summary>
    public bool IsTest { get; init; }

    /// <summary>Why the mail cannot be composed (e.g. a recipient query that no longer parses): it becomes a Failed row.</summary>
    public string? Problem { get; init; }
}
