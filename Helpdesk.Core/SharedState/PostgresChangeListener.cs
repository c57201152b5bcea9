using Helpdesk.Core.Tickets.Presence;
using Helpdesk.Core.Tickets.Writing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Helpdesk.Core.SharedState;

/// <summary>
/// PostgreSQL only: one dedicated connection per instance that LISTENs on <see cref="SharedStateChannels"/> and wakes the
/// <see cref="TicketChangeNotifier"/> and <see cref="SettingsChanges"/> when another instance (or this one) commits.
/// A lost connection is opened again with backoff; what was committed meanwhile is then caught up from the change log,
/// and every setting counts as changed.
/// </summary>
public sealed class PostgresChangeListener(IConfiguration configuration, TicketChangeNotifier notifier, SettingsChanges settings,
    SharedTicketPresence presence, ILogger<PostgresChangeListener> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);

    /// <summary>The server process of the open listen connection, or null while there is none.</summary>
    internal int? ListeningProcessId { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retry = FirstRetry;
        var lost = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ListenConnectionString());
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => Dispatch(e.Channel, e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {SharedStateChannels.TicketChanges}; LISTEN {SharedStateChannels.Settings}; LISTEN {SharedStateChannels.Presence}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                ListeningProcessId = connection.ProcessID;
                retry = FirstRetry;
                // Listening from here on; commits before it are in the log (and the settings in the database), not in any notification.
                notifier.CatchUp();
                presence.Listening();
                if (lost) settings.Raise(SettingsChanges.Any);
                while (true) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                ListeningProcessId = null;
                lost = true;
                logger.LogWarning(ex, "The PostgreSQL listen connection failed; live updates from other instances resume once it is open again (next try in {Delay})", retry);
                try
                {
                    await Task.Delay(retry, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                retry = retry * 2 < LongestRetry ? retry * 2 : LongestRetry;
            }
        }
    }

    private void Dispatch(string channel, string payload)
    {
        if (channel == SharedStateChannels.TicketChanges) notifier.CatchUp();
        else if (channel == SharedStateChannels.Settings) settings.Heard(payload);
        else if (channel == SharedStateChannels.Presence) presence.Heard(payload);
    }

    // Its own physical connection (a pooled one could be handed back mid-wait), with keepalives so a dead peer is noticed.
    private string ListenConnectionString() =>
        new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("Helpdesk")) { Pooling = false, KeepAlive = 15 }.ToString();
}
