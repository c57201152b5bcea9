namespace Helpdesk.Core.Mail.Inbound.Processing;

/// <summary>What a mail's parameter did to the request: applied, or ignored and why.</summary>
/// <param name="Parameter">"#name", or "line 3" for a line that could not be read as a parameter.</param>
public sealed record ParameterOutcome(string Parameter, string? Value, bool Applied, string? Reason);

/// <summary>The audit notes made while building a request, and which parameters they say were not applied.</summary>
internal sealed class RequestNotes : List<string>
{
    public Dictionary<string, string> Ignored { get; } = new(StringComparer.OrdinalIgnoreCase);

    public void Ignore(string parameter, string note)
    {
        Add(note);
        Ignored.TryAdd(parameter.TrimStart('#'), note);
    }
}
