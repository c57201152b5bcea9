using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Pop3;
using MailKit.Security;
using Helpdesk.Core.Mail.Inbound.Fetching;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Mail.Inbound.Mailboxes;

/// <summary>One connect-and-login attempt; every failure becomes a sentence an administrator can act on.</summary>
public sealed class MailboxConnectionProbe(DropFolderFetcher dropFolders, IOptions<InboundMailOptions> options, ILogger<MailboxConnectionProbe> logger)
{
    /// <summary>For connecting, and for each answer after that.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    // Servers delay refused logins (Dovecot adds a growing penalty per failure), and MailKit may try several
    // mechanisms, so a refusal can take longer than the connect timeout; each answer still has its own timeout.
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(45);

    public async Task<MailboxConnectionResult> ProbeAsync(MailboxOptions mailbox, CancellationToken ct)
    {
        if (mailbox.Kind == MailboxKind.DropFolder) return ProbeFolder(mailbox);
        var port = mailbox.Port != 0 ? mailbox.Port : mailbox.Kind == MailboxKind.Imap ? 143 : 110;
        var endpoint = $"{mailbox.Host}:{port}";
        using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        connectTimeout.CancelAfter(Timeout);
        try
        {
            var message = mailbox.Kind == MailboxKind.Imap
                ? await ProbeImapAsync(mailbox, port, endpoint, connectTimeout)
                : await ProbePop3Async(mailbox, port, endpoint, connectTimeout);
            return new(true, message);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Failed($"{endpoint} did not answer within {Timeout.TotalSeconds:0} seconds: the host is unreachable or a firewall drops the connection.");
        }
        catch (TimeoutException)
        {
            return Failed($"{endpoint} accepted the connection but stopped answering.");
        }
        catch (AuthenticationException)
        {
            return Failed($"{endpoint} refused the login for {mailbox.UserName}: check the user name and password.");
        }
        catch (SslHandshakeException ex)
        {
            return Failed($"The TLS handshake with {endpoint} failed ({ex.InnerException?.Message ?? "no details"}). Check the security setting for this port and the server's certificate.");
        }
        catch (SocketException ex)
        {
            return Failed(ex.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => $"{endpoint} refused the connection: nothing listens on that port.",
                SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => $"The host {mailbox.Host} cannot be found: check the name.",
                _ => $"{endpoint} is unreachable: {ex.Message}",
            });
        }
        catch (FolderNotFoundException)
        {
            return Failed($"Logged in to {endpoint}, but the folder {mailbox.Folder} does not exist.");
        }
        catch (NotSupportedException ex)
        {
            return Failed($"{endpoint} cannot be used with security {mailbox.Security}: {ex.Message}");
        }
        catch (ProtocolException ex)
        {
            return Failed($"{endpoint} did not answer like a {mailbox.Kind} server ({ex.Message}). Check the port and the security setting.");
        }
        catch (IOException ex)
        {
            return Failed($"The connection to {endpoint} broke ({ex.Message}). The security setting may not match the port.");
        }
        catch (CommandException ex)
        {
            return Failed($"{endpoint} refused a command: {ex.Message}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Testing mailbox {Mailbox} failed unexpectedly", mailbox.Name);
            return Failed($"Testing {endpoint} failed: {ex.Message}");
        }
    }

    private async Task<string> ProbeImapAsync(MailboxOptions mailbox, int port, string endpoint, CancellationTokenSource connectTimeout)
    {
        var ct = connectTimeout.Token;
        using var client = new ImapClient { Timeout = (int)AnswerTimeout.TotalMilliseconds };
        await MailConnection.ConnectAsync(client, mailbox.Host!, port, mailbox.Security, ct);
        connectTimeout.CancelAfter(System.Threading.Timeout.InfiniteTimeSpan);
        await client.AuthenticateAsync(mailbox.UserName ?? "", mailbox.Password ?? "", ct);
        var folder = string.IsNullOrEmpty(mailbox.Folder) ? client.Inbox : await client.GetFolderAsync(mailbox.Folder, ct);
        var idle = client.Capabilities.HasFlag(ImapCapabilities.Idle);
        await client.DisconnectAsync(true, ct);
        var waiting = !idle ? $"The server does not offer IDLE: the helpdesk checks every {options.Value.PollInterval}."
            : mailbox.UseIdle ? "The server offers IDLE: new mail is fetched at once."
            : $"The server offers IDLE, but it is switched off: the helpdesk checks every {options.Value.PollInterval}.";
        return $"Logged in to {endpoint} as {mailbox.UserName}; folder {folder.FullName} found. {waiting}";
    }

    private static async Task<string> ProbePop3Async(MailboxOptions mailbox, int port, string endpoint, CancellationTokenSource connectTimeout)
    {
        var ct = connectTimeout.Token;
        using var client = new Pop3Client { Timeout = (int)AnswerTimeout.TotalMilliseconds };
        await MailConnection.ConnectAsync(client, mailbox.Host!, port, mailbox.Security, ct);
        connectTimeout.CancelAfter(System.Threading.Timeout.InfiniteTimeSpan);
        await client.AuthenticateAsync(mailbox.UserName ?? "", mailbox.Password ?? "", ct);
        var count = client.Count;
        await client.DisconnectAsync(true, ct);
        return $"Logged in to {endpoint} as {mailbox.UserName}; {count} message(s) waiting.";
    }

    private MailboxConnectionResult ProbeFolder(MailboxOptions mailbox)
    {
        var folder = dropFolders.FolderOf(mailbox);
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".write-test-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return new(true, $"The drop folder {folder} is ready: each *.eml file put there becomes a received mail.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Failed($"The drop folder {folder} cannot be used: {ex.Message}");
        }
    }

    private static MailboxConnectionResult Failed(string message) => new(false, message);
}
