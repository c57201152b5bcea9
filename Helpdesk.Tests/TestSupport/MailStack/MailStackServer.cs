using Helpdesk.Core.Mail.Inbound;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Search;
using MailKit.Security;
using MimeKit;

namespace Helpdesk.Tests.TestSupport.MailStack;

/// <summary>
/// The real Postfix + Dovecot on loopback that scripts/mail-stack.sh installs and starts. Every address is accepted;
/// each test uses its own random mailbox (login = full address, password "secret").
/// </summary>
public static class MailStackServer
{
    public const string Host = "127.0.0.1";
    public const int SmtpPort = 2525;
    public const int ImapPort = 1143;
    public const int Pop3Port = 1110;
    public const string Password = "secret";

    public static string NewAddress(string domain = "helpdesk.test") => $"t-{Guid.NewGuid():N}@{domain}";

    /// <summary>The helpdesk's settings for fetching <paramref name="address"/>'s mailbox from this server.</summary>
    public static MailboxOptions Mailbox(MailboxKind kind, string address, string? name = null) => new()
    {
        Name = name ?? kind.ToString().ToLowerInvariant(),
        Kind = kind,
        Host = Host,
        Port = kind == MailboxKind.Imap ? ImapPort : Pop3Port,
        Security = SecureSocketOptions.None,
        UserName = address,
        Password = Password,
    };

    /// <summary>
    /// Puts a 0-byte message into the mailbox, as a broken delivery can leave one. SMTP cannot deliver it (Postfix adds
    /// headers), so it goes straight into the Maildir the stack keeps at /var/vmail/&lt;domain&gt;/&lt;local&gt;/Maildir.
    /// It is then selected once, so it gets its UID before any mail delivered after it.
    /// </summary>
    public static async Task PlantEmptyMessageAsync(string address, CancellationToken ct = default)
    {
        await CountAsync(address, ct); // the first login creates the Maildir
        var at = address.IndexOf('@');
        var maildir = Path.Combine("/var/vmail", address[(at + 1)..], address[..at], "Maildir");
        var file = Path.Combine(maildir, "new", $"{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}.M{Guid.NewGuid():N}.helpdesk-tests");
        await File.WriteAllBytesAsync(file, [], ct); // root-owned is fine: Dovecot only reads it and renames within its directory
        if (await CountAsync(address, ct) != 1) throw new InvalidOperationException($"Dovecot did not pick up the planted empty message in {maildir}.");
    }

    /// <summary>How many messages the mailbox holds (without parsing them, so broken ones count too).</summary>
    public static async Task<int> CountAsync(string address, CancellationToken ct = default)
    {
        using var client = new ImapClient();
        await ConnectAsync(client, ImapPort, ct);
        await client.AuthenticateAsync(address, Password, ct);
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly, ct);
        var count = client.Inbox.Count;
        await client.DisconnectAsync(true, ct);
        return count;
    }

    /// <summary>Polls the message count (every 20 ms) until it reaches <paramref name="count"/> or the timeout passes.</summary>
    public static async Task<int> WaitForCountAsync(string address, int count, TimeSpan timeout, CancellationToken ct = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var found = await CountAsync(address, ct);
            if (found >= count || DateTime.UtcNow > deadline) return found;
            await Task.Delay(20, ct);
        }
    }

    public static async Task SendAsync(MimeMessage message, CancellationToken ct = default)
    {
        using var client = new SmtpClient();
        await ConnectAsync(client, SmtpPort, ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }

    /// <summary>
    /// Sends every message over one connection (quicker than a connection each for hundreds of mails). Other test runs
    /// restart Postfix now and then: a dropped connection is opened again (for up to a minute) and the message resent.
    /// </summary>
    public static async Task SendAllAsync(IEnumerable<MimeMessage> messages, CancellationToken ct = default)
    {
        var client = new SmtpClient();
        try
        {
            foreach (var message in messages)
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        if (!client.IsConnected) await ConnectAsync(client, SmtpPort, ct);
                        await client.SendAsync(message, ct);
                        break;
                    }
                    catch (Exception ex) when (attempt < 60 && ex is IOException or ProtocolException or InvalidOperationException or SocketException)
                    {
                        client.Dispose();
                        client = new SmtpClient();
                        await Task.Delay(1000, ct);
                    }
                }
            await client.DisconnectAsync(true, ct);
        }
        finally
        {
            client.Dispose();
        }
    }

    /// <summary>The Message-ID and first To address of every message in the mailbox, without reading the bodies.</summary>
    public static async Task<IReadOnlyList<(string? MessageId, string? To)>> EnvelopesAsync(string address, CancellationToken ct = default)
    {
        using var client = new ImapClient();
        await ConnectAsync(client, ImapPort, ct);
        await client.AuthenticateAsync(address, Password, ct);
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly, ct);
        var summaries = client.Inbox.Count == 0 ? [] : await client.Inbox.FetchAsync(0, -1, MessageSummaryItems.Envelope, ct);
        await client.DisconnectAsync(true, ct);
        return [.. summaries.Select(s => (s.Envelope?.MessageId, s.Envelope?.To.Mailboxes.FirstOrDefault()?.Address))];
    }

    /// <summary>Polls the mailbox (every 20 ms) until a message matches or the timeout passes.</summary>
    public static async Task<IReadOnlyList<MimeMessage>> WaitForMessagesAsync(string address, int count, TimeSpan timeout, CancellationToken ct = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var messages = await ReadAllAsync(address, ct);
            if (messages.Count >= count || DateTime.UtcNow > deadline) return messages;
            await Task.Delay(20, ct);
        }
    }

    public static async Task<IReadOnlyList<MimeMessage>> ReadAllAsync(string address, CancellationToken ct = default)
    {
        using var client = new ImapClient();
        await ConnectAsync(client, ImapPort, ct);
        await client.AuthenticateAsync(address, Password, ct);
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly, ct);
        var result = new List<MimeMessage>();
        foreach (var uid in await client.Inbox.SearchAsync(SearchQuery.All, ct))
            result.Add(await client.Inbox.GetMessageAsync(uid, ct));
        await client.DisconnectAsync(true, ct);
        return result;
    }

    /// <summary>The INBOX's UIDVALIDITY and the UIDs with their \Seen flag, oldest first.</summary>
    public static async Task<(uint UidValidity, IReadOnlyList<(uint Uid, bool Seen)> Messages)> UidsAsync(string address, CancellationToken ct = default)
    {
        using var client = new ImapClient();
        await ConnectAsync(client, ImapPort, ct);
        await client.AuthenticateAsync(address, Password, ct);
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly, ct);
        var summaries = await client.Inbox.FetchAsync(0, -1, MessageSummaryItems.UniqueId | MessageSummaryItems.Flags, ct);
        var result = (client.Inbox.UidValidity, (IReadOnlyList<(uint, bool)>)[.. summaries.OrderBy(s => s.UniqueId.Id)
            .Select(s => (s.UniqueId.Id, s.Flags!.Value.HasFlag(MessageFlags.Seen)))]);
        await client.DisconnectAsync(true, ct);
        return result;
    }

    /// <summary>Sets or clears \Seen on every message, as a person reading the mailbox in another client would.</summary>
    public static async Task SetSeenAsync(string address, bool seen, CancellationToken ct = default)
    {
        using var client = new ImapClient();
        await ConnectAsync(client, ImapPort, ct);
        await client.AuthenticateAsync(address, Password, ct);
        await client.Inbox.OpenAsync(FolderAccess.ReadWrite, ct);
        var all = await client.Inbox.SearchAsync(SearchQuery.All, ct);
        if (seen) await client.Inbox.AddFlagsAsync(all, MessageFlags.Seen, silent: true, ct);
        else await client.Inbox.RemoveFlagsAsync(all, MessageFlags.Seen, silent: true, ct);
        await client.DisconnectAsync(true, ct);
    }

    /// <summary>Stops Postfix only (scripts/mail-stack.sh smtp-down); tests that do must be in <see cref="MailServerOutage"/>.</summary>
    public static Task SmtpDownAsync() => RunScriptAsync("smtp-down");

    public static Task SmtpUpAsync() => RunScriptAsync("smtp-up");

    private static async Task RunScriptAsync(string command)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "scripts", "mail-stack.sh"))) root = root.Parent;
        if (root is null) throw new InvalidOperationException("scripts/mail-stack.sh not found above " + AppContext.BaseDirectory);
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("bash", ["scripts/mail-stack.sh", command])
        {
            WorkingDirectory = root.FullName, RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"mail-stack.sh {command} exited with {process.ExitCode}: {await output}{await error}");
    }

    private static async Task ConnectAsync(IMailService client, int port, CancellationToken ct)
    {
        try
        {
            await client.ConnectAsync(Host, port, SecureSocketOptions.None, ct);
        }
        catch (SocketException ex)
        {
            throw new InvalidOperationException(
                $"The test mail server is not reachable on {Host}:{port} ({ex.SocketErrorCode}). Start it with: bash scripts/mail-stack.sh start", ex);
        }
    }
}
