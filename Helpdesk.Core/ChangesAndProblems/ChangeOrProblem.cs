namespace Helpdesk.Core.ChangesAndProblems;

public enum ChangeOrProblemKind
{
    Change,
    Problem,
}

public enum ChangeOrProblemStatus
{
    Registered,
    InProgress,
    Completed,
}

/// <summary>A minimal 4me change or problem: what a request's #change_id / #problem_id links it to.</summary>
public sealed class ChangeOrProblem
{
    public int Id { get; set; }
    public ChangeOrProblemKind Kind { get; set; }
    public required string Subject { get; set; }
    public ChangeOrProblemStatus Status { get; set; }
    public int? ManagerId { get; set; }
    public int? TeamId { get; set; }

    /// <summary>How the console shows it, e.g. "CH-5" or "PR-12"; the mail parameter takes the bare id.</summary>
    public static string Number(ChangeOrProblemKind kind, int id) => $"{(kind == ChangeOrProblemKind.Change ? "CH" : "PR")}-{id}";
}
