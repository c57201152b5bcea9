namespace Helpdesk.Core.Notifications.Oql;

/// <summary>Resolves ":this->field" and ":current_contact_id" against a ticket.</summary>
public static class OqlParameters
{
    /// <param name="inList">The parameter stands alone after IN, where a list attribute (contacts_list) may stand.</param>
    public static void Validate(OqlParameter parameter, bool inList = false)
    {
        var isThis = parameter.Scope?.Equals("this", StringComparison.OrdinalIgnoreCase) == true;
        if (isThis && TicketFacts.ListAttributes.Contains(parameter.Name))
        {
            if (inList) return;
            throw new OqlSyntaxException($":this->{parameter.Name} is a list: use it as \"field IN :this->{parameter.Name}\"", parameter.Position);
        }
        var known = parameter.Scope is null
            ? parameter.Name.Equals("current_contact_id", StringComparison.OrdinalIgnoreCase)
            : isThis && TicketFacts.Attributes.Contains(parameter.Name);
        if (!known)
            throw new OqlSyntaxException($"Unknown parameter :{(parameter.Scope is null ? "" : parameter.Scope + "->")}{parameter.Name}", parameter.Position);
    }

    /// <summary>Validates the values after IN: a list of values, or one list parameter on its own.</summary>
    public static void ValidateIn(OqlIn @in)
    {
        foreach (var parameter in @in.Values.OfType<OqlParameter>()) Validate(parameter, inList: @in.Values.Count == 1);
    }

    /// <summary>The values an IN compares with: each value, or the members of a list parameter.</summary>
    public static IReadOnlyList<object?> ResolveIn(OqlIn @in, TicketFacts? facts) =>
        [.. @in.Values.SelectMany(v => Resolve(v, facts) is IEnumerable<int> list ? list.Cast<object?>() : [Resolve(v, facts)])];

    public static object? Resolve(OqlValue value, TicketFacts? facts) => value switch
    {
        OqlLiteral literal => literal.Text,
        OqlParameter { Scope: null } => facts?.CurrentContact?.Id,
        OqlParameter parameter => facts?.Value(parameter.Name),
        _ => null,
    };
}
