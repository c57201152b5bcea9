using System.Globalization;
using System.Linq.Expressions;
using Helpdesk.Core.Common;
using Helpdesk.Core.People;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Notifications.Oql;

/// <summary>
/// Turns "SELECT Person WHERE …" into a LINQ predicate that runs in SQL. Fields: id, name, email, org_id, is_active,
/// team_id and department_id (membership: "team_id = :this->team_id" selects the members of the ticket's team);
/// "id IN :this->contacts_list" selects the ticket's contacts.
/// </summary>
public static class PersonQueryCompiler
{
    public static readonly IReadOnlySet<string> Fields = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        { "id", "name", "email", "org_id", "is_active", "team_id", "department_id" };

    private static readonly ParsedByText<OqlQuery> Parsed = new(ParseAndCheck);

    /// <summary>Parses and checks a recipient query, once per distinct text; throws <see cref="OqlSyntaxException"/> with the position of the problem.</summary>
    public static OqlQuery Validate(string text) => Parsed.Get(text);

    private static OqlQuery ParseAndCheck(string text)
    {
        var query = OqlParser.ParseQuery(text);
        if (!query.ClassName.Equals("Person", StringComparison.OrdinalIgnoreCase))
            throw new OqlSyntaxException($"Recipient queries select Person, not {query.ClassName}", text.IndexOf(query.ClassName, StringComparison.Ordinal) + 1);
        Check(query.Where);
        return query;
    }

    public static Expression<Func<Person, bool>> Compile(OqlQuery query, TicketFacts facts)
    {
        var active = (Expression<Func<Person, bool>>)(p => p.IsActive);
        return query.Where is null ? active : And(active, Build(query.Where, facts));
    }

    private static void Check(OqlCondition? condition)
    {
        switch (condition)
        {
            case OqlAnd and: Check(and.Left); Check(and.Right); break;
            case OqlOr or: Check(or.Left); Check(or.Right); break;
            case OqlComparison c: CheckField(c.Field, c.FieldPosition); CheckValue(c.Value); break;
            case OqlIn i: CheckField(i.Field, i.FieldPosition); OqlParameters.ValidateIn(i); break;
        }
    }

    private static void CheckField(string field, int position)
    {
        if (!Fields.Contains(field))
            throw new OqlSyntaxException($"Person has no field '{field}' (known: {string.Join(", ", Fields)})", position);
    }

    private static void CheckValue(OqlValue value)
    {
        if (value is OqlParameter parameter) OqlParameters.Validate(parameter);
    }

    private static Expression<Func<Person, bool>> Build(OqlCondition condition, TicketFacts facts) => condition switch
    {
        OqlAnd and => And(Build(and.Left, facts), Build(and.Right, facts)),
        OqlOr or => Or(Build(or.Left, facts), Build(or.Right, facts)),
        OqlIn @in => In(@in, facts),
        OqlComparison c => Compare(c.Field.ToLowerInvariant(), c.Operator, OqlParameters.Resolve(c.Value, facts)),
        _ => throw new InvalidOperationException("Unknown condition"),
    };

    private static readonly IReadOnlySet<string> NumericFields = new HashSet<string> { "id", "org_id", "team_id", "department_id" };

    // As in SQL, a comparison with an unknown value (an empty :this->field, or a non-number for a numeric field) is never
    // true, whatever the operator: "org_id != :this->org_id" on a ticket without organization selects nobody, not everyone.
    private static readonly Expression<Func<Person, bool>> Nobody = p => false;

    private static Expression<Func<Person, bool>> In(OqlIn @in, TicketFacts facts)
    {
        var field = @in.Field.ToLowerInvariant();
        var values = OqlParameters.ResolveIn(@in, facts);
        if (@in.Negated && values.Any(v => IsUnknown(field, v))) return Nobody;
        // An empty list (a ticket without contacts) matches nobody; NOT IN an empty list matches everyone, as in SQL.
        var any = values.Count == 0 ? Nobody : values.Select(v => Compare(field, OqlOperator.Equal, v)).Aggregate(Or);
        return @in.Negated ? Not(any) : any;
    }

    private static bool IsUnknown(string field, object? value)
    {
        var text = Convert.ToString(value, CultureInfo.InvariantCulture);
        return text is null || (NumericFields.Contains(field) && !int.TryParse(text, out _));
    }

    private static Expression<Func<Person, bool>> Compare(string field, OqlOperator op, object? value)
    {
        if (IsUnknown(field, value)) return Nobody;
        var text = Convert.ToString(value, CultureInfo.InvariantCulture);
        var number = int.TryParse(text, out var n) ? n : (int?)null;
        var flag = text is "1" || string.Equals(text, "true", StringComparison.OrdinalIgnoreCase);
        Expression<Func<Person, bool>> equal = field switch
        {
            "id" => p => p.Id == number,
            "name" => op is OqlOperator.Like or OqlOperator.NotLike ? p => EF.Functions.Like(p.Name, text ?? "") : p => p.Name == text,
            "email" => op is OqlOperator.Like or OqlOperator.NotLike ? p => EF.Functions.Like(p.PrimaryEmail, text ?? "") : p => p.PrimaryEmail == text,
            "org_id" => p => p.OrganizationId == number,
            "is_active" => p => p.IsActive == flag,
            "team_id" => p => p.Teams.Any(t => t.Id == number),
            "department_id" => p => p.Departments.Any(d => d.Id == number),
            _ => throw new InvalidOperationException($"Unknown field {field}"),
        };
        return op is OqlOperator.NotEqual or OqlOperator.NotLike ? Not(equal) : equal;
    }

    private static Expression<Func<Person, bool>> And(Expression<Func<Person, bool>> a, Expression<Func<Person, bool>> b) => Combine(a, b, Expression.AndAlso);

    private static Expression<Func<Person, bool>> Or(Expression<Func<Person, bool>> a, Expression<Func<Person, bool>> b) => Combine(a, b, Expression.OrElse);

    private static Expression<Func<Person, bool>> Not(Expression<Func<Person, bool>> a) => Expression.Lambda<Func<Person, bool>>(Expression.Not(a.Body), a.Parameters);

    private static Expression<Func<Person, bool>> Combine(Expression<Func<Person, bool>> a, Expression<Func<Person, bool>> b, Func<Expression, Expression, BinaryExpression> join)
    {
        var body = new Rebind(b.Parameters[0], a.Parameters[0]).Visit(b.Body);
        return Expression.Lambda<Func<Person, bool>>(join(a.Body, body), a.Parameters);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
