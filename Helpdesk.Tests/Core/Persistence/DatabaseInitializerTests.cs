using System.Collections.Concurrent;
using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Persistence;
using Helpdesk.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Tests.Core.Persistence;

public sealed class DatabaseInitializerTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task StartAsync_EmptyDatabase_LogsNoErrorAndStartsNoDatabaseAlert(DatabaseProvider provider)
    {
        var errors = new ErrorLog();

        await using var host = await CoreTestHost.StartAsync(b => b.Logging.AddProvider(errors), provider: provider);
        var alert = host.Get<DatabaseErrorAlerts>().LastAlert;

        Assert.Empty(errors.Entries);
        Assert.True(alert.IsCompletedSuccessfully, "a database error alert was started");
        Assert.False(await alert);
    }

    /// <summary>Every entry logged at Error or above, by any category.</summary>
    private sealed class ErrorLog : ILoggerProvider
    {
        public ConcurrentQueue<string> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(ErrorLog log, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel)) log.Entries.Enqueue($"{category}: {formatter(state, exception)}");
            }
        }
    }
}
