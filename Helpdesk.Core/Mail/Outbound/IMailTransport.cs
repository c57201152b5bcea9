using MimeKit;

namespace Helpdesk.Core.Mail.Outbound;

/// <summary>Where composed mail goes: an SMTP server, or the local pickup folder.</summary>
public interface IMailTransport
{
    /// <summary>Opens a batch (one connection for all its mails, possibly kept open from an earlier batch).</summary>
    Task<IMailBatch> OpenAsync(CancellationToken ct);

    /// <summary>Closes connections kept open that have been idle too long.</summary>
    ValueTask CloseIdleAsync() => ValueTask.CompletedTask;
}

public interface IMailBatch : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, IReadOnlyList<MailboxAddress> recipients, CancellationToken ct);

    /// <summary>True once the connection failed and the next mail needs another batch.</summary>
    bool IsBroken => false;
}

/// <summary>A send failure that retrying will not fix (e.g. a 5xx reply, a missing attachment).</summary>
public sealed class PermanentSendException(string message, Exception? inner = null) : Exception(message, inner);
