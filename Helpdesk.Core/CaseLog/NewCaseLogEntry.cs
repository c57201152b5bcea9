using Helpdesk.Core.Attachments;

namespace Helpdesk.Core.CaseLog;

public sealed record NewCaseLogEntry
{
    public required int TicketId { get; init; }
    public required CaseLogKind Log { get; init; }
    public required string Text { get; init; }
    public TextFormat Format { get; init; } = TextFormat.Plain;
    public IReadOnlyList<StagedFile> Files { get; init; } = [];

    /// <summary>The agent's "send by email" choice; only console entries can trigger an email reply.</summary>
    public bool SendEmail { get; init; }

    /// <summary>The To and Cc the agent chose for the mail; null leaves them to the email action's recipient queries.</summary>
    public EntryRecipients? Recipients { get; init; }
    public EntryOrigin Origin { get; init; } = EntryOrigin.Console;
    public string? SourceMessageId { get; init; }

    /// <summary>The received mail the entry came from (unique per ticket).</summary>
    public long? SourceInboundId { get; init; }

    /// <summary>Explanations recorded in the ticket's audit trail with the entry (e.g. mail parameters that were ignored).</summary>
    public IReadOnlyList<string> AuditNotes { get; init; } = [];

    /// <summary>People who become contacts of the ticket with this entry (e.g. the mail's Cc), before its notifications run.</summary>
    public IReadOnlyList<int> ContactIds { get; init; } = [];

    /// <summary>Agents mentioned in a private note (ignored on the public log, which customers read).</summary>
    public IReadOnlyList<int> MentionIds { get; init; } = [];
}
