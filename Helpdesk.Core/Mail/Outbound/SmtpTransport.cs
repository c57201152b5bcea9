using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Helpdesk.Core.Mail.Outbound;

/// <summary>Sends through an SMTP server, one connection per batch (socket with Nagle off, see <see cref="MailConnection"/>).</summary>
public sealed class SmtpTransport(IOptions<OutboundMailOptions> options) : IMailTransport
{
    public async Task<IMailBatch> OpenAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var client = new SmtpClient();
        try
        {
            await MailConnection.ConnectAsync(client, settings.SmtpHost!, settings.SmtpPort, settings.SmtpSecurity, ct);
            if (!string.IsNullOrEmpty(settings.SmtpUserName))
                await client.AuthenticateAsync(settings.SmtpUserName, settings.SmtpPassword ?? "", ct);
            return new Batch(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private sealed class Batch(SmtpClient client) : IMailBatch
    {
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
        }

        public async ValueTask DisposeAsync()
        {
            if (client.IsConnected)
            {
                try { await client.DisconnectAsync(true); } catch (Exception) { /* the batch is over either way */ }
            }
            client.Dispose();
        }
    }
}
