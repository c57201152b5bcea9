using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Helpdesk.Tests.Benchmarks;

/// <summary>
/// The SQL commands EF Core runs on one database while this counts (EF's diagnostic event CommandExecuted), e.g. in a
/// benchmark's timed round. A count per mail does not move with the machine's load as rates do, so a round trip saved
/// shows in it even where the rates' noise hides it. Other tests' databases in the same process are not counted.
/// </summary>
public sealed class SqlCommandCount : IDisposable, IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private readonly string _database;
    private readonly List<IDisposable> _subscriptions = [];
    private long _count;

    private SqlCommandCount(DbConnection database)
    {
        _database = Key(database);
        _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
    }

    /// <param name="database">A connection to the database whose commands are counted (its server or file, and its name).</param>
    public static SqlCommandCount Start(DbConnection database) => new(database);

    public long Count => Interlocked.Read(ref _count);

    /// <summary>How a benchmark's line gives the figure: "SQL commands 9.3 per mail" (read back by <see cref="PerMailIn"/>).</summary>
    public static string PerMail(long commands, int mails) => $"SQL commands {commands / (double)Math.Max(1, mails):0.0} per mail";

    /// <summary>The figure <see cref="PerMail"/> wrote into a benchmark's breakdown, or -1 if it has none.</summary>
    public static double PerMailIn(string? breakdown) =>
        Regex.Match(breakdown ?? "", @"SQL commands (\d+(?:\.\d+)?) per mail") is { Success: true } match
            ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : -1;

    public void Dispose()
    {
        lock (_subscriptions)
        {
            foreach (var subscription in _subscriptions) subscription.Dispose();
            _subscriptions.Clear();
        }
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name != DbLoggerCategory.Name) return;
        lock (_subscriptions)
            _subscriptions.Add(listener.Subscribe(this, name => name == RelationalEventId.CommandExecuted.Name));
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Value is CommandExecutedEventData { Connection: { } connection } && Key(connection) == _database)
            Interlocked.Increment(ref _count);
    }

    private static string Key(DbConnection connection) => $"{connection.DataSource}|{connection.Database}";

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }
}
