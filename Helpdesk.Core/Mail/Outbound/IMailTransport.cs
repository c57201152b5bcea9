using MimeKit;

namespace Helpdesk.Core.Mail.Outbound;

/// <summary>Where composed mail goes: an SMTP server, or the local pickup folder.</summary>
public interface IMailTransport
{
    /// <summary>Opens a batch (one connection for all its mails).</summary>
    Task<IMailBatch> OpenAsync(CancellationToken ct);
}

public interface IMailBatch : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, IReadOnlyList<MailboxAddress> recipients, CancellationToken ct);
}

/// <summary>A send failure that retrying will not fix (e.g. a 5xx reply, a missing attachment).</summary>
public sealed class PermanentSendException(string message, Exception? inner = null) : Exception(message, inner);
