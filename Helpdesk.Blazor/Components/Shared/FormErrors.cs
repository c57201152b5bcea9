using Helpdesk.Core.Common;

namespace Helpdesk.Blazor.Components.Shared;

/// <summary>
/// Runs a form's save and keeps what went wrong: field messages from a <see cref="ValidationFailedException"/>, or the
/// message of a <see cref="NotFoundException"/> or <see cref="AccessDeniedException"/>. Anything else is a bug and is left to the error boundary and the log.
/// The banner message names each field by its label on the form (Core's keys are for the code, not the reader).
/// </summary>
public sealed class FormErrors(IReadOnlyDictionary<string, string>? labels = null)
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Fields { get; private set; } = None;
    public string? Message { get; private set; }

    public string? For(string field) => Fields.GetValueOrDefault(field);

    public void Clear()
    {
        Fields = None;
        Message = null;
    }

    /// <returns>True when the work succeeded.</returns>
    public async Task<bool> RunAsync(Func<Task> work)
    {
        try
        {
            await work();
            Clear();
            return true;
        }
        catch (ValidationFailedException ex)
        {
            Fields = ex.Errors;
            Message = Describe(ex.Errors);
        }
        catch (Exception ex) when (ex is NotFoundException or AccessDeniedException)
        {
            Fields = None;
            Message = ex.Message;
        }
        return false;
    }

    public string Describe(IReadOnlyDictionary<string, string> errors) =>
        string.Join(" ", errors.Select(e => labels?.GetValueOrDefault(e.Key) is { } label ? $"{label}: {e.Value}" : e.Value));
}
