using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Mail;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Fetching;
using Helpdesk.Core.Mail.Inbound.Processing;
using Microsoft.Extensions.Options;

namespace Helpdesk.Blazor.Hosting;

/// <summary>
/// One loop per configured mailbox: fetch (stores raw mail first), process what is pending, then wait for new mail
/// (IMAP IDLE where offered, else the poll interval). Errors are handled by <see cref="MailboxRound"/> and never stop the host.
/// </summary>
public sealed class InboundMailWorker(
    IOptions<InboundMailOptions> options,
    IEnumerable<IMailboxFetcher> fetchers,
    ImapFetcher imap,
    SystemAlerts alerts,
    IServiceScopeFactory scopes,
    ILogger<InboundMailWorker> logger) : BackgroundService
{
    private readonly SemaphoreSlim _processing = new(1, 1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(options.Value.EffectiveMailboxes().Select(m => RunMailboxAsync(m, stoppingToken)));

    private async Task RunMailboxAsync(MailboxOptions mailbox, CancellationToken ct)
    {
        var round = new MailboxRound(mailbox, fetchers.Single(f => f.Kind == mailbox.Kind), ProcessPendingAsync, alerts, options.Value, logger);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await round.RunAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The round reports fetch and processing failures itself; this is e.g. the database refusing to end an episode.
                logger.LogError(ex, "A round for mailbox {Mailbox} failed", mailbox.Name);
            }
            try
            {
                if (mailbox.Kind == MailboxKind.Imap && !round.FetchFailing)
                    await imap.WaitForNewMailAsync(mailbox, options.Value.PollInterval, ct);
                else
                    await Task.Delay(options.Value.PollInterval, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogDebug(ex, "Waiting for new mail in {Mailbox} failed; polling instead", mailbox.Name);
                await Task.Delay(options.Value.PollInterval, ct).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task ProcessPendingAsync(CancellationToken ct)
    {
        await _processing.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<InboundMailProcessor>().ProcessPendingAsync(ct);
        }
        finally
        {
            _processing.Release();
        }
    }
}
