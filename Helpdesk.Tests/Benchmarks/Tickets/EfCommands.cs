using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Helpdesk.Tests.Benchmarks.Tickets;

/// <summary>
/// The SQL commands EF runs inside <see cref="RecordAsync"/> on this async flow, from EF's DiagnosticListener events,
/// without touching product code: each with its parameters and how long it took, executing it (where SQLite does all
/// the work of a COUNT) plus reading its rows until the reader is closed (where it does the work of a streamed GROUP BY
/// or a LIMIT). Commands of other tests running at the same time do not mix in.
/// </summary>
public sealed class EfCommands : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    public sealed record Command(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters, TimeSpan Duration);

    private static readonly AsyncLocal<Recording?> Current = new();
    private readonly List<IDisposable> _subscriptions = [];

    private EfCommands() { }

    /// <returns>The commands <paramref name="operation"/> ran, in the order it ran them.</returns>
    public static async Task<IReadOnlyList<Command>> RecordAsync(Func<Task> operation)
    {
        var listening = new EfCommands();
        var recording = new Recording();
        using var all = DiagnosticListener.AllListeners.Subscribe(listening);
        Current.Value = recording;
        try
        {
            await operation();
        }
        finally
        {
            Current.Value = null;
            lock (listening._subscriptions) listening._subscriptions.ForEach(s => s.Dispose());
        }
        return [.. recording.Commands.Select(c => new Command(c.Sql, c.Parameters, c.Executing + c.Reading))];
    }

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
            lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this, name => name == RelationalEventId.CommandExecuting.Name
                || name == RelationalEventId.CommandExecuted.Name || name == RelationalEventId.DataReaderDisposing.Name));
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (Current.Value is not { } recording) return;
        // Another recorder (a test running beside this one) hears the same events: a command counts once, by its id.
        lock (recording)
            switch (value.Value)
            {
                case CommandExecutedEventData executed when recording.ById.TryGetValue(executed.CommandId, out var command):
                    command.Executing = executed.Duration;
                    break;
                case DataReaderDisposingEventData reading when recording.ById.TryGetValue(reading.CommandId, out var command):
                    command.Reading = reading.Duration;
                    break;
                case CommandEventData executing when !recording.ById.ContainsKey(executing.CommandId):
                    var parameters = executing.Command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value)).ToList();
                    recording.ById[executing.CommandId] = new Recorded(executing.Command.CommandText, parameters);
                    recording.Commands.Add(recording.ById[executing.CommandId]);
                    break;
            }
    }

    public void OnCompleted() { }

    public void OnError(Exception error) { }

    private sealed class Recorded(string sql, IReadOnlyList<(string Name, object? Value)> parameters)
    {
        public string Sql { get; } = sql;
        public IReadOnlyList<(string Name, object? Value)> Parameters { get; } = parameters;
        public TimeSpan Executing { get; set; }
        public TimeSpan Reading { get; set; }
    }

    private sealed class Recording
    {
        public Dictionary<Guid, Recorded> ById { get; } = [];
        public List<Recorded> Commands { get; } = [];
    }
}
