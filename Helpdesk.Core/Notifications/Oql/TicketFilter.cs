using System.Globalization;
using System.Text.RegularExpressions;
using Helpdesk.Core.Common;

namespace Helpdesk.Core.Notifications.Oql;

/// <summary>A trigger's optional filter: a WHERE clause over the ticket's attributes, evaluated on the ticket in memory.</summary>
public static class TicketFilter
{
    private static readonly ParsedByText<OqlCondition> Parsed = new(ParseAndCheck);

    /// <summary>Parses and checks a filter, once per distinct text; throws <see cref="OqlSyntaxException"/> with the position of the problem.</summary>
    public static OqlCondition Validate(string text) => Parsed.Get(text);

    private static OqlCondition ParseAndCheck(string text)
    {
        var condition = OqlParser.ParseCondition(text);
        Check(condition);
        return condition;
    }

    public static bool Matches(OqlCondition condition, TicketFacts facts) => condition switch
    {
        OqlAnd and => Matches(and.Left, facts) && Matches(and.Right, facts),
        OqlOr or => Matches(or.Left, facts) || Matches(or.Right, facts),
        OqlIn @in => OqlParameters.ResolveIn(@in, facts).Any(v => Equal(facts.Value(@in.Field), v)) != @in.Negated,
        OqlComparison { Operator: OqlOperator.Equal } c => Equal(facts.Value(c.Field), OqlParameters.Resolve(c.Value, facts)),
        OqlComparison { Operator: OqlOperator.NotEqual } c => !Equal(facts.Value(c.Field), OqlParameters.Resolve(c.Value, facts)),
        OqlComparison { Operator: OqlOperator.Like } c => Like(facts.Value(c.Field), OqlParameters.Resolve(c.Value, facts)),
        OqlComparison { Operator: OqlOperator.NotLike } c => !Like(facts.Value(c.Field), OqlParameters.Resolve(c.Value, facts)),
        _ => false,
    };

    private static void Check(OqlCondition condition)
    {
        switch (condition)
        {
            case OqlAnd and: Check(and.Left); Check(and.Right); break;
            case OqlOr or: Check(or.Left); Check(or.Right); break;
            case OqlComparison c: Field(c.Field, c.FieldPosition); if (c.Value is OqlParameter p) OqlParameters.Validate(p); break;
            case OqlIn i: Field(i.Field, i.FieldPosition); OqlParameters.ValidateIn(i); break;
        }
    }

    private static void Field(string name, int position)
    {
        if (!TicketFacts.Attributes.Contains(name))
            throw new OqlSyntaxException($"Ticket has no field '{name}' (known: {string.Join(", ", TicketFacts.Attributes)})", position);
    }

    private static bool Equal(object? left, object? right) =>
        string.Equals(Text(left), Text(right), StringComparison.OrdinalIgnoreCase);

    private static bool Like(object? value, object? pattern)
    {
        if (Text(value) is not { } text || Text(pattern) is not { } p) return false;
        var regex = "^" + Regex.Escape(p).Replace("%", ".*").Replace("_", ".") + "$";
        return Regex.IsMatch(text, regex, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
    }

    private static string? Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture);
}
