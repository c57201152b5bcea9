using System.Net;
using System.Net.Sockets;

namespace Helpdesk.Tests.TestSupport.MailStack;

/// <summary>
/// A TCP relay on a free loopback port to the real Postfix that holds every chunk the client sends for
/// <see cref="Delay"/>, as a mail server across a wide-area link answers. Loopback Postfix accepts a mail in a few
/// milliseconds, too quickly to kill a console while it is sending; through this link mails stay in flight.
/// </summary>
public sealed class SlowLink : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _held;

    public SlowLink(TimeSpan delay)
    {
        Delay = delay;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public TimeSpan Delay { get; }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Whether the client is in the middle of an SMTP exchange: something it sent is being held right now.</summary>
    public bool IsBusy => Volatile.Read(ref _held) > 0;

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (OperationCanceledException) { return; }
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using var _ = client;
        using var server = new TcpClient();
        try
        {
            await server.ConnectAsync(MailStackServer.Host, MailStackServer.SmtpPort, _stop.Token);
            await Task.WhenAny(PumpAsync(client.GetStream(), server.GetStream(), Delay), PumpAsync(server.GetStream(), client.GetStream(), TimeSpan.Zero));
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A console killed mid-mail, or the relay stopping: the other side is closed with it.
        }
    }

    private async Task PumpAsync(Stream from, Stream to, TimeSpan delay)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
        {
            if (delay == TimeSpan.Zero)
            {
                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
                continue;
            }
            Interlocked.Increment(ref _held);
            try
            {
                await Task.Delay(delay, _stop.Token);
                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
            finally
            {
                Interlocked.Decrement(ref _held);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
