using Helpdesk.Core.Notifications;
using Helpdesk.Core.Notifications.Oql;

namespace Helpdesk.Blazor.Features.Notifications;

/// <summary>Notification settings in words on the admin page, instead of enum and attribute names.</summary>
public static class NotificationLabels
{
    public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["name"] = "Name", ["to"] = "To", ["cc"] = "Cc", ["bcc"] = "Bcc", ["testRecipient"] = "Test recipient", ["from"] = "From",
        ["replyTo"] = "Reply-To", ["subjectTemplate"] = "Subject", ["bodyTemplate"] = "Body", ["logAttribute"] = "Case log", ["filter"] = "Filter",
    };

    public static string When(TriggerKind kind, string? logAttribute) => kind switch
    {
        TriggerKind.OnLogUpdate => $"An agent adds to the {Log(logAttribute)}",
        TriggerKind.OnCreate => "A ticket is created",
        TriggerKind.OnCustomerUpdate => "The customer updates the ticket",
        TriggerKind.OnAssignment => "The ticket is assigned",
        TriggerKind.OnTransfer => "The ticket moves to another team",
        TriggerKind.OnOverdue => "The ticket becomes overdue",
        _ => kind.ToString(),
    };

    public static string Log(string? logAttribute) => logAttribute switch
    {
        "public_log" => "public log",
        "private_log" => "private log",
        _ => "case log",
    };

    public static string Status(ActionStatus status, string? testRecipient) => status switch
    {
        ActionStatus.Test => $"Test: mails only {testRecipient}",
        _ => status.ToString(),
    };

    /// <summary>A recipient query as the picker's words where it can say it, else the query itself.</summary>
    public static string? Recipients(string? query) =>
        RecipientQuery.Read(query) is { Count: > 0 } picks ? string.Join(", ", picks.Select(p => p.Label)) : query;
}
