using Helpdesk.Core.Correspondence;

namespace Helpdesk.Blazor.Features.Mail;

/// <summary>Why an outbox mail exists, in words: its stored kind is a key such as "email_action" or "alert:OverdueAlert".</summary>
public static class OutboxKindLabel
{
    public static string Describe(string kind)
    {
        var name = kind[(kind.IndexOf(':') + 1)..];
        if (Enum.TryParse<CorrespondenceKind>(name, out var correspondence)) return correspondence.Label();
        return kind switch
        {
            "email_action" => "Email action",
            "system_alert" => "System alert",
            "notice:unknown_sender" => CorrespondenceKind.UnknownSenderNotice.Label(),
            "notice:inactive_sender" => CorrespondenceKind.InactiveSenderNotice.Label(),
            _ => kind,
        };
    }
}
