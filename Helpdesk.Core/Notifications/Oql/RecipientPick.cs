namespace Helpdesk.Core.Notifications.Oql;

/// <summary>The common recipients of an email action, as the admin page's picker offers them.</summary>
public enum RecipientKind
{
    Requester,
    Contacts,
    TeamMembers,
    AssignedAgent,
    Person,
}

/// <param name="Email">The address of a specific person (Kind Person only).</param>
public sealed record RecipientPick(RecipientKind Kind, string? Email = null)
{
    public string Label => Kind switch
    {
        RecipientKind.Requester => "The requester",
        RecipientKind.Contacts => "The ticket's contacts",
        RecipientKind.TeamMembers => "The team's members",
        RecipientKind.AssignedAgent => "The assigned agent",
        _ => Email ?? "",
    };
}

/// <summary>
/// Writes the recipient query for picks ("SELECT Person WHERE id = :this->caller_id OR …") and reads picks back from a
/// query it wrote, so the picker and the raw query stay two views of one value. A query written by hand reads as null.
/// </summary>
public static class RecipientQuery
{
    public static readonly IReadOnlyList<RecipientKind> CommonKinds =
        [RecipientKind.Requester, RecipientKind.Contacts, RecipientKind.TeamMembers, RecipientKind.AssignedAgent];

    public static string? Write(IEnumerable<RecipientPick> picks)
    {
        var conditions = picks.Distinct().Select(Condition).ToList();
        return conditions.Count == 0 ? null : "SELECT Person WHERE " + string.Join(" OR ", conditions);
    }

    public static IReadOnlyList<RecipientPick>? Read(string? query)
    {
        if (string.IsNullOrWhiteSpace(query)) return [];
        OqlQuery parsed;
        try
        {
            parsed = PersonQueryCompiler.Validate(query);
        }
        catch (OqlSyntaxException)
        {
            return null;
        }
        var picks = new List<RecipientPick>();
        return parsed.Where is { } where && Collect(where, picks) ? picks : null;
    }

    private static string Condition(RecipientPick pick) => pick.Kind switch
    {
        RecipientKind.Requester => "id = :this->caller_id",
        RecipientKind.Contacts => "id IN :this->contacts_list",
        RecipientKind.TeamMembers => "team_id = :this->team_id",
        RecipientKind.AssignedAgent => "id = :this->agent_id",
        _ => $"email = '{pick.Email?.Replace("\\", "\\\\").Replace("'", "\\'")}'",
    };

    private static bool Collect(OqlCondition condition, List<RecipientPick> picks)
    {
        switch (condition)
        {
            case OqlOr or:
                return Collect(or.Left, picks) && Collect(or.Right, picks);
            case OqlIn { Negated: false, Values: [OqlParameter { Scope: "this", Name: "contacts_list" }] } @in when Is(@in.Field, "id"):
                picks.Add(new(RecipientKind.Contacts));
                return true;
            case OqlComparison { Operator: OqlOperator.Equal } c:
                var pick = (c.Field.ToLowerInvariant(), c.Value) switch
                {
                    ("id", OqlParameter { Scope: "this", Name: "caller_id" }) => new RecipientPick(RecipientKind.Requester),
                    ("id", OqlParameter { Scope: "this", Name: "agent_id" }) => new RecipientPick(RecipientKind.AssignedAgent),
                    ("team_id", OqlParameter { Scope: "this", Name: "team_id" }) => new RecipientPick(RecipientKind.TeamMembers),
                    ("email", OqlLiteral literal) => new RecipientPick(RecipientKind.Person, literal.Text),
                    _ => null,
                };
                if (pick is not null) picks.Add(pick);
                return pick is not null;
            default:
                return false;
        }
    }

    private static bool Is(string field, string name) => field.Equals(name, StringComparison.OrdinalIgnoreCase);
}
