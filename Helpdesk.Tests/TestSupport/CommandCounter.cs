using System.Collections.Concurrent;
using System.Data.Common;
using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Helpdesk.Tests.TestSupport;

/// <summary>
/// Counts the SQL commands a host's contexts send to the database (each round trip once, whatever it returns), and
/// keeps their text, and counts the connections they open, while <see cref="Counting"/> is on. Add it to a host with
/// <see cref="AddTo"/>.
/// </summary>
public sealed class CommandCounter : DbCommandInterceptor, IDbConnectionInterceptor
{
    private readonly ConcurrentQueue<string> _commands = new();
    private int _connectionsOpened;
    private readonly AsyncLocal<bool> _counting = new();

    /// <summary>
    /// Counting is on for the flow that turned it on and the work that flow starts, not for the host's background
    /// workers (the change notifier's reads, pollers), whose count depends on timing.
    /// </summary>
    public bool Counting
    {
        get => _counting.Value;
        set => _counting.Value = value;
    }

    public IReadOnlyList<string> Commands => [.. _commands];

    /// <summary>Opens of a context's connection: each takes it from the driver's pool and gives it back afterwards.</summary>
    public int ConnectionsOpened => Volatile.Read(ref _connectionsOpened);

    public static CommandCounter AddTo(HostApplicationBuilder builder)
    {
        var counter = new CommandCounter();
        builder.Services.ConfigureDbContext<HelpdeskDbContext>(options => options.AddInterceptors(counter), ServiceLifetime.Singleton);
        return counter;
    }

    public void Clear()
    {
        _commands.Clear();
        Interlocked.Exchange(ref _connectionsOpened, 0);
    }

    public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (Counting) Interlocked.Increment(ref _connectionsOpened);
    }

    public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ConnectionOpened(connection, eventData);
        return Task.CompletedTask;
    }

    private void Count(DbCommand command)
    {
        if (Counting) _commands.Enqueue(command.CommandText);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count(command);
        return base.ReaderExecuting(command, eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count(command);
        return base.NonQueryExecuting(command, eventData, result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Count(command);
        return base.ScalarExecuting(command, eventData, result);
    }
}
