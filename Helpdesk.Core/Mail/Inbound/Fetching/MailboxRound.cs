using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Mail.Inbound;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Mail.Inbound.Fetching;

/// <summary>
/// One round of the inbound worker for one mailbox: fetch, then process what is pending. A failing fetch and failing
/// processing are separate system alert episodes. Every successful round ends an open episode, including one left
/// open in the database by a run that stopped mid-outage (the in-memory flags only keep the log quiet).
/// </summary>
public sealed class MailboxRound(
    MailboxOptions mailbox,
    IMailboxFetcher fetcher,
    Func<CancellationToken, Task> processPending,
    SystemAlerts alerts,
    InboundMailOptions options,
    ILogger logger)
{
    public const string ProcessingAlertKey = "inbound:processing";

    private bool _processingFailing;

    /// <summary>The last fetch failed (the worker then polls instead of waiting with IDLE).</summary>
    public bool FetchFailing { get; private set; }

    public string FetchAlertKey => FetchAlertKeyFor(mailbox.Name);

    public static string FetchAlertKeyFor(string mailboxName) => $"fetch:{mailboxName}";

    public async Task RunAsync(CancellationToken ct)
    {
        IReadOnlyList<long> stored;
        try
        {
            stored = await fetcher.FetchAsync(mailbox, ct);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && ct.IsCancellationRequested))
        {
            if (!FetchFailing)
            {
                logger.LogError(ex, "Fetching mailbox {Mailbox} failed; retrying every {Interval}", mailbox.Name, options.PollInterval);
                await alerts.RaiseAsync(FetchAlertKey, CorrespondenceKind.SystemMailFetchFails, new SystemAlertFacts(ex.Message, Source: mailbox.Name), CancellationToken.None);
            }
            FetchFailing = true;
            return;
        }
        if (FetchFailing) logger.LogInformation("Mailbox {Mailbox} is reachable again", mailbox.Name);
        FetchFailing = false;
        await alerts.ResolveAsync(FetchAlertKey, ct);
        if (stored.Count > 0) logger.LogInformation("Mailbox {Mailbox}: {Count} new mail(s)", mailbox.Name, stored.Count);

        try
        {
            await processPending(ct);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && ct.IsCancellationRequested))
        {
            if (!_processingFailing)
            {
                logger.LogError(ex, "Processing fetched mail failed (after fetching {Mailbox})", mailbox.Name);
                await alerts.RaiseAsync(ProcessingAlertKey, CorrespondenceKind.SystemMailProcessingFails, new SystemAlertFacts(ex.Message, Source: mailbox.Name), CancellationToken.None);
            }
            _processingFailing = true;
            return;
        }
        _processingFailing = false;
        await alerts.ResolveAsync(ProcessingAlertKey, ct);
    }
}
