namespace Helpdesk.Core.Mail.Inbound.Fetching;

/// <summary>Fetches new mail from one kind of mailbox into the <see cref="InboundMailStore"/>.</summary>
public interface IMailboxFetcher
{
    MailboxKind Kind { get; }

    /// <returns>Ids of the rows stored by this call (new mail only).</returns>
    Task<IReadOnlyList<long>> FetchAsync(MailboxOptions mailbox, CancellationToken ct);
}
