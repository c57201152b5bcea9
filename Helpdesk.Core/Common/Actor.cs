namespace Helpdesk.Core.Common;

public enum ActorKind
{
    Agent,
    Customer,
    System,
}

/// <summary>Who performs a change: recorded in audit trails and used to leave the acting agent out of alerts.</summary>
public sealed record Actor(int? PersonId, string Name, ActorKind Kind)
{
    /// <summary>The change comes from mail a program sent (monitoring tool, list, auto-reply): it gets no autoresponse.</summary>
    public bool IsAutomated { get; init; }

    public static readonly Actor System = new(null, "System", ActorKind.System);
}
