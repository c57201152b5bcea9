using Microsoft.Extensions.Options;

namespace Helpdesk.Blazor.Hosting;

/// <summary>The reason a start failed, in one line: the exception's message and those of its causes it does not repeat.</summary>
public static class StartFailure
{
    public static string Describe(Exception failure)
    {
        var parts = new List<string>();
        for (var e = failure; e is not null; e = e.InnerException)
        {
            var message = e switch
            {
                OptionsValidationException validation => string.Join(" ", validation.Failures.Select(Sentence)),
                AggregateException => null, // its message lists the inner ones, which follow
                _ => e.Message,
            };
            if (string.IsNullOrWhiteSpace(message)) continue;
            message = message.ReplaceLineEndings(" ").Trim();
            if (!parts.Any(p => p.Contains(message, StringComparison.OrdinalIgnoreCase))) parts.Add(message);
        }
        if (parts.Count == 0) return failure.GetType().Name + ".";
        return parts[0].TrimEnd('.') + string.Concat(parts.Skip(1).Select(p => $" ({p.TrimEnd('.')})")) + ".";
    }

    private static string Sentence(string text) => text.TrimEnd().TrimEnd('.') + ".";
}
