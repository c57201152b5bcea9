using Helpdesk.Core.Accounts;

namespace Helpdesk.Core.Common;

public enum ActorKind
{
    Agent,
    Customer,
    System,
}

/// <summary>Who performs a change: recorded in audit trails, used to leave the acting agent out of alerts and to authorize.</summary>
public sealed record Actor(int? PersonId, string Name, ActorKind Kind)
{
    /// <summary>The change comes from mail a program sent (monitoring tool, list, auto-reply): it gets no autoresponse.</summary>
    public bool IsAutomated { get; init; }

    /// <summary>The console roles (<see cref="ConsoleRoles"/>) of an agent's login; empty for customers and the system.</summary>
    public IReadOnlySet<string> Roles { get; init; } = EmptyRoles;

    public bool IsInRole(string role) => Roles.Contains(role);

    /// <summary>Where the change was made (a console circuit's id), so that place can ignore the echo of its own change.</summary>
    public string? Origin { get; init; }

    /// <summary>
    /// Whose rights the change is checked against when not the actor's own: the system, applying mail on behalf of a sender
    /// who is not a party of the ticket (the Mail API lets any known sender add to a ticket by quoting its number).
    /// </summary>
    public Actor? AuthorizedBy { get; init; }

    public static readonly Actor System = new(null, "System", ActorKind.System);

    public static Actor Agent(int? personId, string name, IEnumerable<string> roles) =>
        new(personId, name, ActorKind.Agent) { Roles = roles.ToHashSet(StringComparer.Ordinal) };

    private static readonly IReadOnlySet<string> EmptyRoles = new HashSet<string>();
}
