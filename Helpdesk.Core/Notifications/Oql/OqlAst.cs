namespace Helpdesk.Core.Notifications.Oql;

public sealed record OqlQuery(string ClassName, OqlCondition? Where);

public abstract record OqlCondition;

public sealed record OqlAnd(OqlCondition Left, OqlCondition Right) : OqlCondition;

public sealed record OqlOr(OqlCondition Left, OqlCondition Right) : OqlCondition;

public enum OqlOperator { Equal, NotEqual, Like, NotLike }

public sealed record OqlComparison(string Field, int FieldPosition, OqlOperator Operator, OqlValue Value) : OqlCondition;

public sealed record OqlIn(string Field, int FieldPosition, IReadOnlyList<OqlValue> Values, bool Negated) : OqlCondition;

public abstract record OqlValue(int Position);

public sealed record OqlLiteral(string Text, int Position) : OqlValue(Position);

/// <summary>":this->caller_id" (Scope "this") or ":current_contact_id" (Scope null, Name "current_contact_id").</summary>
public sealed record OqlParameter(string? Scope, string Name, int Position) : OqlValue(Position);
