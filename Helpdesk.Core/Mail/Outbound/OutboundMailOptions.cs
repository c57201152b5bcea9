using MailKit.Security;

namespace Helpdesk.Core.Mail.Outbound;

public enum MailTransportKind
{
    /// <summary>Write each mail as an .eml file into a folder (the embedded default; no mail server needed).</summary>
    Pickup,
    Smtp,
}

/// <summary>Settings for sending mail, section "Mail:Outbound".</summary>
public sealed class OutboundMailOptions
{
    public const string Section = "Mail:Outbound";

    public MailTransportKind Transport { get; set; } = MailTransportKind.Pickup;

    /// <summary>Pickup folder, relative to the data folder.</summary>
    public string PickupFolder { get; set; } = "mail/outbox";
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 25;
    public SecureSocketOptions SmtpSecurity { get; set; } = SecureSocketOptions.Auto;
    public string? SmtpUserName { get; set; }
    public string? SmtpPassword { get; set; }

    /// <summary>After this many failed attempts a mail is marked Failed (an administrator can resend it).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Wait after the first failure; doubles with each further failure up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(30);
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);
    public int BatchSize { get; set; } = 200;

    /// <summary>SMTP connections sending in parallel (each takes the next claimed mail); kept open between rounds.</summary>
    public int Connections { get; set; } = 8;

    /// <summary>
    /// How long a send round holds the mails it claimed; renewed every third of it while the round's mails go out, so a
    /// crashed or hung holder's mails are taken over after it, a slow but working one's never.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>An SMTP connection kept open between send rounds is closed after this long unused.</summary>
    public TimeSpan SmtpIdleTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
