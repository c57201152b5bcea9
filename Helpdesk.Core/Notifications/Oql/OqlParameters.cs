namespace Helpdesk.Core.Notifications.Oql;

/// <summary>Resolves ":this->field" and ":current_contact_id" against a ticket.</summary>
public static class OqlParameters
{
    public static void Validate(OqlParameter parameter)
    {
        var known = parameter.Scope is null
            ? parameter.Name.Equals("current_contact_id", StringComparison.OrdinalIgnoreCase)
            : parameter.Scope.Equals("this", StringComparison.OrdinalIgnoreCase) && TicketFacts.Attributes.Contains(parameter.Name);
        if (!known)
            throw new OqlSyntaxException($"Unknown parameter :{(parameter.Scope is null ? "" : parameter.Scope + "->")}{parameter.Name}", parameter.Position);
    }

    public static object? Resolve(OqlValue value, TicketFacts? facts) => value switch
    {
        OqlLiteral literal => literal.Text,
        OqlParameter { Scope: null } => facts?.CurrentContact?.Id,
        OqlParameter parameter => facts?.Value(parameter.Name),
        _ => null,
    };
}
