using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Helpdesk.Tests.Benchmarks.Tickets;

/// <summary>
/// How long each SQL command EF ran took, from EF's DiagnosticListener events, so one statement of a query can be
/// timed without touching product code: executing the command (where SQLite does all the work of a COUNT) plus
/// reading its rows until the reader is closed (where it does the work of a streamed GROUP BY or a LIMIT). Only
/// commands run inside <see cref="Record"/> on this async flow count, so other tests running at the same time do not mix in.
/// </summary>
public sealed class EfCommandTimes : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private static readonly AsyncLocal<Recording?> Current = new();
    private readonly IDisposable _allListeners;
    private readonly List<IDisposable> _subscriptions = [];

    public EfCommandTimes() => _allListeners = DiagnosticListener.AllListeners.Subscribe(this);

    /// <returns>The commands <paramref name="operation"/> ran, with their durations.</returns>
    public static async Task<IReadOnlyList<(string Sql, TimeSpan Duration)>> Record(Func<Task> operation)
    {
        var recording = new Recording();
        Current.Value = recording;
        try
        {
            await operation();
        }
        finally
        {
            Current.Value = null;
        }
        return recording.Commands;
    }

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
            lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this, name => name == RelationalEventId.CommandExecuted.Name || name == RelationalEventId.DataReaderDisposing.Name));
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (Current.Value is not { } recording) return;
        lock (recording)
        {
            if (value.Value is CommandExecutedEventData executed)
                recording.Executing[executed.CommandId] = executed.Duration;
            // Another EfCommandTimes (a test running beside this one) hears the same event: a command counts once.
            else if (value.Value is DataReaderDisposingEventData reading && recording.Read.Add(reading.CommandId))
                recording.Commands.Add((reading.Command.CommandText, recording.Executing.GetValueOrDefault(reading.CommandId) + reading.Duration));
        }
    }

    public void OnCompleted() { }

    public void OnError(Exception error) { }

    public void Dispose()
    {
        _allListeners.Dispose();
        lock (_subscriptions) _subscriptions.ForEach(s => s.Dispose());
    }

    private sealed class Recording
    {
        public Dictionary<Guid, TimeSpan> Executing { get; } = [];
        public List<(string Sql, TimeSpan Duration)> Commands { get; } = [];
        public HashSet<Guid> Read { get; } = [];
    }
}
