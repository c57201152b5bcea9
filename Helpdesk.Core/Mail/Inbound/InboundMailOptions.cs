using MailKit.Security;

namespace Helpdesk.Core.Mail.Inbound;

public enum UnknownSenderPolicy
{
    /// <summary>Do not register the request; send the sender a polite notice.</summary>
    Reject,

    /// <summary>Create a Person (End user) for the sender and register the request.</summary>
    CreatePerson,
}

public enum MailboxKind
{
    DropFolder,
    Imap,
    Pop3,
}

/// <summary>Settings for receiving mail, section "Mail:Inbound".</summary>
public sealed class InboundMailOptions
{
    public const string Section = "Mail:Inbound";

    /// <summary>The account's address. A team's address is "&lt;team local part&gt;.&lt;account local part&gt;@&lt;domain&gt;".</summary>
    public string AccountAddress { get; set; } = "support@helpdesk.local";

    /// <summary>Other addresses that deliver to the account (e.g. an address in your own domain forwarding here).</summary>
    public List<string> AccountAliases { get; set; } = [];

    /// <summary>Other addresses that deliver to a team: address → team inbound local part.</summary>
    public Dictionary<string, string> TeamAliases { get; set; } = [];

    /// <summary>
    /// What to do with mail from an address no Person has (the email policy): by default the person is created, so a new
    /// customer's first mail becomes a request. An administrator's choice on the Mailboxes page overrides this.
    /// </summary>
    public UnknownSenderPolicy UnknownSenders { get; set; } = UnknownSenderPolicy.CreatePerson;

    /// <summary>Team for new requests when no parameter or rule picks one (the service desk team); by name.</summary>
    public string? DefaultTeam { get; set; }

    /// <summary>
    /// SLA plan of mailed requests whose service instance and support agreement name none; by name. It gives
    /// "#desired_completion_at" a target to compare with.
    /// </summary>
    public string? DefaultSlaPlan { get; set; }

    /// <summary>Mail from one sender beyond this many per hour is not processed (stops mail loops).</summary>
    public int MaxMessagesPerSenderPerHour { get; set; } = 30;

    /// <summary>Largest accepted mail, in bytes (default 50 MB).</summary>
    public long MaxMessageSizeBytes { get; set; } = 50 * 1024 * 1024;

    /// <summary>How often mailboxes without IMAP IDLE (drop folder, POP3) are looked at.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest time one mail may take to be read (parsed); a slower one is quarantined so it cannot hold up the others.</summary>
    public TimeSpan MaxReadTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Mails are read in parallel and applied in arrival order; one not read within this time is applied after the mails
    /// behind it, so a slow mail does not hold them up.
    /// </summary>
    public TimeSpan ReadAheadWait { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a processing round's claim on its mails lasts: a living round renews it every third of this while it
    /// works, so a round that dies (its instance was killed) leaves its unfinished mails to another after at most this.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How many pending mails one processing round claims and applies in one transaction (each under its own savepoint,
    /// so a failing mail is quarantined alone). Larger batches commit less often; the ticket changes of a batch reach
    /// open pages when it commits.
    /// </summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// The longest a transaction of a batch goes on before it commits and the rest of the batch continues in another: on
    /// SQLite it holds the write lock, which agents' saves wait for.
    /// </summary>
    public TimeSpan BatchTime { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// On PostgreSQL, how many transactions apply a claimed batch's mails at once. Related mails (one person, one thread,
    /// one ticket) always share one, in their order. 0, the default: one per processor core, at least two. SQLite has a
    /// single write lock and always applies mail in one.
    /// </summary>
    public int ParallelWriters { get; set; }

    public int EffectiveParallelWriters => ParallelWriters > 0 ? ParallelWriters : Math.Max(2, Environment.ProcessorCount);

    public AutomatedMailOptions Automated { get; set; } = new();

    public List<ExternalTicketPatternOptions> ExternalTicketPatterns { get; set; } = [];

    public IReadOnlyList<ExternalTicketPatternOptions> EffectiveExternalTicketPatterns =>
        ExternalTicketPatterns.Count > 0 ? ExternalTicketPatterns : ExternalTicketPatternOptions.Defaults;

    /// <summary>Mailboxes to fetch. When empty, a local drop folder ("mail/inbox" under the data folder) is used.</summary>
    public List<MailboxOptions> Mailboxes { get; set; } = [];
}

public sealed class MailboxOptions
{
    public string Name { get; set; } = "inbox";
    public MailboxKind Kind { get; set; } = MailboxKind.DropFolder;

    /// <summary>Drop folder path (relative to the data folder), or the IMAP folder (default INBOX).</summary>
    public string? Folder { get; set; }
    public string? Host { get; set; }
    public int Port { get; set; }
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;
    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>Use IMAP IDLE when the server offers it (new mail arrives at once instead of at the next poll).</summary>
    public bool UseIdle { get; set; } = true;
}
