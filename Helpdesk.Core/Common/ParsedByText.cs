using System.Collections.Concurrent;

namespace Helpdesk.Core.Common;

/// <summary>
/// Parses of administrators' texts (mail templates, recipient queries, trigger filters) kept by the text itself, so
/// each mail does not parse them again. An edited text is another key: nothing goes stale. Texts that do not parse are
/// not kept (their exception is thrown each time).
/// </summary>
public sealed class ParsedByText<T>(Func<string, T> parse) where T : class
{
    // Far above the number of templates and queries an installation has; reached only by endless edits, then started afresh.
    private const int Capacity = 1_000;

    private readonly ConcurrentDictionary<string, T> _parsed = new(StringComparer.Ordinal);

    public T Get(string text)
    {
        if (_parsed.TryGetValue(text, out var parsed)) return parsed;
        parsed = parse(text);
        if (_parsed.Count >= Capacity) _parsed.Clear();
        _parsed[text] = parsed;
        return parsed;
    }
}
