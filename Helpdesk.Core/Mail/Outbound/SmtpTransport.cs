using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Helpdesk.Core.Mail.Outbound;

/// <summary>
/// Sends through an SMTP server (socket with Nagle off, see <see cref="MailConnection"/>). Connections are kept open
/// between send rounds: a finished batch hands its connection back, the next batch takes it after a NOOP proves it
/// still alive (else it opens a new one). Idle connections close after <see cref="OutboundMailOptions.SmtpIdleTimeout"/>
/// (<see cref="CloseIdleAsync"/>) and all of them at shutdown.
/// </summary>
public sealed class SmtpTransport(IOptions<OutboundMailOptions> options, TimeProvider clock) : IMailTransport, IAsyncDisposable, IDisposable
{
    private readonly Lock _lock = new();
    private readonly Stack<(SmtpClient Client, DateTimeOffset IdleSince)> _idle = new();
    private bool _disposed;

    public async Task<IMailBatch> OpenAsync(CancellationToken ct)
    {
        while (TakeIdle() is { } pooled)
        {
            try
            {
                await pooled.NoOpAsync(ct);
                return new Batch(this, pooled);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Dropped while idle (server timeout, restart): open another one instead.
                await CloseAsync(pooled);
            }
            catch
            {
                await CloseAsync(pooled);
                throw;
            }
        }
        return new Batch(this, await ConnectAsync(ct));
    }

    /// <summary>Closes the connections idle for longer than the idle timeout.</summary>
    public async ValueTask CloseIdleAsync()
    {
        var expired = new List<SmtpClient>();
        lock (_lock)
        {
            var keep = _idle.Where(c => clock.GetUtcNow() - c.IdleSince < options.Value.SmtpIdleTimeout).Reverse().ToList();
            expired.AddRange(_idle.Select(c => c.Client).Except(keep.Select(c => c.Client)));
            _idle.Clear();
            foreach (var connection in keep) _idle.Push(connection);
        }
        foreach (var client in expired) await CloseAsync(client);
    }

    /// <summary>How many connections wait open for the next batch.</summary>
    public int IdleConnections
    {
        get { lock (_lock) return _idle.Count; }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in TakeAllForShutdown()) await CloseAsync(client);
    }

    public void Dispose()
    {
        foreach (var client in TakeAllForShutdown())
        {
            try { client.Disconnect(true); } catch (Exception) { /* closing either way */ }
            client.Dispose();
        }
    }

    private async Task<SmtpClient> ConnectAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var client = new SmtpClient();
        try
        {
            await MailConnection.ConnectAsync(client, settings.SmtpHost!, settings.SmtpPort, settings.SmtpSecurity, ct);
            if (!string.IsNullOrEmpty(settings.SmtpUserName))
                await client.AuthenticateAsync(settings.SmtpUserName, settings.SmtpPassword ?? "", ct);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private SmtpClient? TakeIdle()
    {
        lock (_lock) return _idle.TryPop(out var idle) ? idle.Client : null;
    }

    private async Task ReturnAsync(SmtpClient client)
    {
        lock (_lock)
        {
            if (!_disposed && client.IsConnected && _idle.Count < Math.Max(1, options.Value.Connections))
            {
                _idle.Push((client, clock.GetUtcNow()));
                return;
            }
        }
        await CloseAsync(client);
    }

    private List<SmtpClient> TakeAllForShutdown()
    {
        lock (_lock)
        {
            _disposed = true;
            var all = _idle.Select(c => c.Client).ToList();
            _idle.Clear();
            return all;
        }
    }

    private static async Task CloseAsync(SmtpClient client)
    {
        if (client.IsConnected)
        {
            try { await client.DisconnectAsync(true); } catch (Exception) { /* closing either way */ }
        }
        client.Dispose();
    }

    /// <summary>One batch's use of a connection; a connection that failed mid-send is closed rather than handed back.</summary>
    private sealed class Batch(SmtpTransport pool, SmtpClient client) : IMailBatch
    {
        private bool _broken;

        public async Task SendAsync(MimeMessage message, IReadOnlyList<MailboxAddress> recipients, CancellationToken ct)
        {
            try
            {
                await client.SendAsync(message, (MailboxAddress)message.From.Mailboxes.First(), recipients, ct);
            }
            catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
            {
                throw new PermanentSendException($"The mail server refused the mail: {(int)ex.StatusCode} {ex.Message}", ex);
            }
            catch (SmtpCommandException)
            {
                // A 4xx reply: MailKit has reset the transaction, the connection stays usable.
                throw;
            }
            catch
            {
                _broken = true;
                throw;
            }
        }

        public bool IsBroken => _broken || !client.IsConnected;

        public async ValueTask DisposeAsync()
        {
            if (IsBroken) await CloseAsync(client);
            else await pool.ReturnAsync(client);
        }
    }
}
