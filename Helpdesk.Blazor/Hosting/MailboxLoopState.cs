namespace Helpdesk.Blazor.Hosting;

public enum MailboxLoopState
{
    /// <summary>This instance holds the mailbox's lease and fetches.</summary>
    Fetching,

    /// <summary>Another instance holds the lease; this one tries to take it every few seconds.</summary>
    Standby,
}
