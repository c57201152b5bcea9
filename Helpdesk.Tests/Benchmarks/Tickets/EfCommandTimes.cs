using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Helpdesk.Tests.Benchmarks.Tickets;

/// <summary>
/// How long each SQL command EF ran took, from execution until its reader was closed (EF's DiagnosticListener
/// events), so one statement of a query can be timed without touching product code. Only commands run inside
/// <see cref="Record"/> on this async flow count, so other tests running at the same time do not mix in.
/// </summary>
public sealed class EfCommandTimes : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private static readonly AsyncLocal<List<(string Sql, TimeSpan Duration)>?> Current = new();
    private readonly IDisposable _allListeners;
    private readonly List<IDisposable> _subscriptions = [];

    public EfCommandTimes() => _allListeners = DiagnosticListener.AllListeners.Subscribe(this);

    /// <returns>The commands <paramref name="operation"/> ran, with their durations.</returns>
    public static async Task<IReadOnlyList<(string Sql, TimeSpan Duration)>> Record(Func<Task> operation)
    {
        var commands = new List<(string, TimeSpan)>();
        Current.Value = commands;
        try
        {
            await operation();
        }
        finally
        {
            Current.Value = null;
        }
        return commands;
    }

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
            lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this, name => name == RelationalEventId.DataReaderDisposing.Name));
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Value is DataReaderDisposingEventData data && Current.Value is { } commands)
            lock (commands) commands.Add((data.Command.CommandText, data.Duration));
    }

    public void OnCompleted() { }

    public void OnError(Exception error) { }

    public void Dispose()
    {
        _allListeners.Dispose();
        lock (_subscriptions) _subscriptions.ForEach(s => s.Dispose());
    }
}
