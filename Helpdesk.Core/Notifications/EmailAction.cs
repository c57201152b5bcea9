namespace Helpdesk.Core.Notifications;

public enum ActionStatus
{
    /// <summary>In production: mails go to the recipients of the queries.</summary>
    Active,

    /// <summary>Being tested: mails go only to <see cref="EmailAction.TestRecipient"/>.</summary>
    Test,
    Inactive,
}

public sealed class EmailAction
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public ActionStatus Status { get; set; } = ActionStatus.Test;
    public string? TestRecipient { get; set; }
    public string? From { get; set; }
    public string? ReplyTo { get; set; }

    /// <summary>Recipient queries ("SELECT Person WHERE id = :this->caller_id").</summary>
    public string? To { get; set; }
    public string? Cc { get; set; }
    public string? Bcc { get; set; }
    public required string SubjectTemplate { get; set; }

    /// <summary>HTML with placeholders; the plain-text part of the mail is derived from it.</summary>
    public required string BodyTemplate { get; set; }
    public List<Trigger> Triggers { get; set; } = [];
}
