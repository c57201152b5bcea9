namespace Helpdesk.Core.Mail.Inbound.Parsing;

/// <summary>The parameters of the Mail API (ITRP) and their shortcuts ("#rfc" is "#category: rfc").</summary>
public static class MailParameterCatalogue
{
    public enum ValueKind { Text, Id, DateTime, Flag, Option }

    public static readonly IReadOnlyDictionary<string, string[]> Options = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["category"] = ["incident", "rfc", "rfi", "complaint", "compliment", "other"],
        ["impact"] = ["low", "medium", "high", "top"],
        ["status"] = ["declined", "assigned", "accepted", "in_progress", "waiting_for", "waiting_for_customer",
            "reservation_pending", "workflow_pending", "project_pending", "change_pending", "completed"],
        ["completion_reason"] = ["solved", "workaround", "gone", "duplicate", "withdrawn", "no_reply", "rejected",
            "conflict", "declined", "unsolvable"],
    };

    public static readonly IReadOnlyDictionary<string, ValueKind> Parameters = new Dictionary<string, ValueKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["category"] = ValueKind.Option, ["change_id"] = ValueKind.Id, ["ci"] = ValueKind.Text, ["ci_id"] = ValueKind.Id,
        ["ci_source"] = ValueKind.Text, ["ci_sourceID"] = ValueKind.Text, ["completion_reason"] = ValueKind.Option,
        ["desired_completion_at"] = ValueKind.DateTime, ["downtime_end_at"] = ValueKind.DateTime,
        ["downtime_start_at"] = ValueKind.DateTime, ["impact"] = ValueKind.Option, ["internal"] = ValueKind.Flag,
        ["member"] = ValueKind.Text, ["member_id"] = ValueKind.Id, ["problem_id"] = ValueKind.Id,
        ["requested_for"] = ValueKind.Text, ["requested_for_id"] = ValueKind.Id, ["service_instance"] = ValueKind.Text,
        ["service_instance_id"] = ValueKind.Id, ["source"] = ValueKind.Text, ["source_id"] = ValueKind.Text,
        ["status"] = ValueKind.Option, ["supplier"] = ValueKind.Text, ["supplier_id"] = ValueKind.Id,
        ["supplier_requestID"] = ValueKind.Text, ["team"] = ValueKind.Text, ["team_id"] = ValueKind.Id,
        ["template_id"] = ValueKind.Id, ["waiting_until"] = ValueKind.DateTime, ["markdown"] = ValueKind.Flag,
    };

    /// <summary>Canonical spelling of a parameter name (e.g. "ci_sourceID"), or null when unknown.</summary>
    public static string? Canonical(string name) => Parameters.Keys.FirstOrDefault(k => k.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The parameter a bare shortcut stands for. "declined" is both a status and a completion reason; like ITRP we read
    /// it as the status (the order of <see cref="Options"/> decides).
    /// </summary>
    public static (string Name, string Value)? Shortcut(string word)
    {
        foreach (var (name, values) in Options)
            if (values.Contains(word, StringComparer.OrdinalIgnoreCase))
                return (name, word.ToLowerInvariant());
        return null;
    }
}
