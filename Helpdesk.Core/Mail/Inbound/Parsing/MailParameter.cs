namespace Helpdesk.Core.Mail.Inbound.Parsing;

/// <summary>A "#name: value" parameter from the top of a mail body. <see cref="Account"/> is the optional "account/" prefix of the value.</summary>
public sealed record MailParameter(string Name, string? Value, int Line, string? Account = null);

public sealed record MailParameterProblem(int Line, string Message);

/// <param name="Body">The text below the parameters.</param>
/// <param name="OriginalBody">The whole text, for senders whose parameters are not honoured.</param>
public sealed record MailParameterResult(
    IReadOnlyList<MailParameter> Parameters,
    IReadOnlyList<MailParameterProblem> Problems,
    string Body,
    string OriginalBody)
{
    public MailParameter? Get(string name) => Parameters.LastOrDefault(p => p.Name == name);

    public bool Has(string name) => Parameters.Any(p => p.Name == name);
}
