namespace Helpdesk.Core.Notifications.Oql;

/// <summary>A query that does not parse or names something unknown; <see cref="Position"/> is 1-based.</summary>
public sealed class OqlSyntaxException(string message, int position) : Exception($"{message} (at position {position})")
{
    public int Position { get; } = position;
    public string Reason { get; } = message;
}
