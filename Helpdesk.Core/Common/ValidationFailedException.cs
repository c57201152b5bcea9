namespace Helpdesk.Core.Common;

/// <summary>Input that breaks a rule. Messages are written for the person who typed the input.</summary>
public sealed class ValidationFailedException(IReadOnlyDictionary<string, string> errors)
    : Exception(string.Join(" ", errors.Values))
{
    public IReadOnlyDictionary<string, string> Errors { get; } = errors;

    public ValidationFailedException(string field, string message)
        : this(new Dictionary<string, string> { [field] = message })
    {
    }
}
