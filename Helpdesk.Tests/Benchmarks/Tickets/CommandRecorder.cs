using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Helpdesk.Tests.Benchmarks.Tickets;

/// <summary>The commands EF runs on this async flow, with their parameters (EfCommandTimes keeps their durations).</summary>
internal sealed class CommandRecorder : IObserver<KeyValuePair<string, object?>>
{
    private static readonly AsyncLocal<Recording?> Current = new();

    public static async Task<List<(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters)>> RecordAsync(Func<Task> operation)
    {
        var recorder = new CommandRecorder();
        var subscriptions = new List<IDisposable>();
        using var all = DiagnosticListener.AllListeners.Subscribe(new ListenerObserver(l =>
        {
            if (l.Name == DbLoggerCategory.Name) subscriptions.Add(l.Subscribe(recorder, n => n == RelationalEventId.CommandExecuting.Name));
        }));
        var recording = new Recording();
        Current.Value = recording;
        try
        {
            await operation();
        }
        finally
        {
            Current.Value = null;
            subscriptions.ForEach(s => s.Dispose());
        }
        return recording.Commands;
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        // A command counts once, however many listeners or subscriptions pass its event on.
        if (Current.Value is { } recording && value.Value is CommandEventData data)
            lock (recording)
                if (recording.Seen.Add(data.CommandId)) recording.Commands.Add((data.Command.CommandText, [.. data.Command.Parameters.Cast<System.Data.Common.DbParameter>().Select(p => (p.ParameterName, p.Value))]));
    }

    public void OnCompleted() { }

    public void OnError(Exception error) { }

    private sealed class Recording
    {
        public List<(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters)> Commands { get; } = [];
        public HashSet<Guid> Seen { get; } = [];
    }

    private sealed class ListenerObserver(Action<DiagnosticListener> onListener) : IObserver<DiagnosticListener>
    {
        public void OnNext(DiagnosticListener value) => onListener(value);

        public void OnCompleted() { }

        public void OnError(Exception error) { }
    }
}
