namespace Helpdesk.Core.Mail.Outbound.MailOut;

/// <summary>Something that sends mail about ticket events: it says what it wants sent, the composer sends it.</summary>
public interface IMailIntentSource
{
    Task<IReadOnlyList<MailIntent>> IntentsAsync(MailOutEvent e, CancellationToken ct);
}
