using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Helpdesk.Tests.TestSupport.MailStack;

/// <summary>
/// A minimal SMTP server on a free loopback port that records what it accepted and can drop its connections, as a
/// restarted or timed-out server would (the shared Postfix must never be stopped by a test).
/// </summary>
public sealed class FakeSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentDictionary<TcpClient, byte> _open = new();
    private readonly Task _accepting;
    private int _connections;
    private int _quits;

    public FakeSmtpServer()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Message-IDs of the mails accepted, in order, once per acceptance.</summary>
    public ConcurrentQueue<string> Accepted { get; } = new();

    public int Connections => Volatile.Read(ref _connections);

    public int Quits => Volatile.Read(ref _quits);

    /// <summary>Closes every open connection from the server's side.</summary>
    public void DropConnections()
    {
        foreach (var client in _open.Keys)
        {
            client.Client.Close(0);
            _open.TryRemove(client, out _);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        DropConnections();
        try { await _accepting; } catch (Exception) { /* the listener stopped */ }
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            var client = await _listener.AcceptTcpClientAsync();
            Interlocked.Increment(ref _connections);
            _open[client] = 0;
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        try
        {
            using (client)
            {
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.Latin1);
                await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
                await writer.WriteLineAsync("220 fake ESMTP");
                while (await reader.ReadLineAsync() is { } line)
                {
                    var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                    if (verb == "QUIT")
                    {
                        Interlocked.Increment(ref _quits);
                        await writer.WriteLineAsync("221 bye");
                        return;
                    }
                    if (verb == "DATA")
                    {
                        await writer.WriteLineAsync("354 go on");
                        Accepted.Enqueue(await ReadMessageIdAsync(reader));
                    }
                    await writer.WriteLineAsync(verb switch
                    {
                        "EHLO" or "HELO" or "MAIL" or "RCPT" or "RSET" or "NOOP" or "DATA" => "250 ok",
                        _ => "502 not here",
                    });
                }
            }
        }
        catch (IOException)
        {
            // Dropped.
        }
        catch (ObjectDisposedException)
        {
            // Dropped.
        }
        finally
        {
            _open.TryRemove(client, out _);
        }
    }

    private static async Task<string> ReadMessageIdAsync(StreamReader reader)
    {
        var id = "";
        while (await reader.ReadLineAsync() is { } line && line != ".")
        {
            if (id == "" && line.StartsWith("Message-Id:", StringComparison.OrdinalIgnoreCase)) id = line["Message-Id:".Length..].Trim();
        }
        return id;
    }
}
