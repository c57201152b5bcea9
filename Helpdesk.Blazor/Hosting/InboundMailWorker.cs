using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Fetching;
using Helpdesk.Core.Mail.Inbound.Processing;
using Microsoft.Extensions.Options;

namespace Helpdesk.Blazor.Hosting;

/// <summary>
/// One loop per configured mailbox: fetch (stores raw mail first), process what is pending, then wait for new mail
/// (IMAP IDLE where offered, else the poll interval). Errors are logged once per failure episode and never stop the host.
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
        var fetcher = fetchers.Single(f => f.Kind == mailbox.Kind);
        var failing = false;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var stored = await fetcher.FetchAsync(mailbox, ct);
                if (failing)
                {
                    logger.LogInformation("Mailbox {Mailbox} is reachable again", mailbox.Name);
                    await alerts.ResolveAsync(AlertKey(mailbox), ct);
                }
                failing = false;
                if (stored.Count > 0) logger.LogInformation("Mailbox {Mailbox}: {Count} new mail(s)", mailbox.Name, stored.Count);
                await ProcessPendingAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                if (!failing)
                {
                    logger.LogError(ex, "Fetching mailbox {Mailbox} failed; retrying every {Interval}", mailbox.Name, options.Value.PollInterval);
                    await alerts.RaiseAsync(AlertKey(mailbox), $"Fetching mail from {mailbox.Name} fails",
                        $"The helpdesk cannot fetch mail from the mailbox \"{mailbox.Name}\": {ex.Message}\nIt retries every {options.Value.PollInterval}; you get this once per failure episode.", CancellationToken.None);
                }
                failing = true;
            }
            try
            {
                if (mailbox.Kind == MailboxKind.Imap && !failing)
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

    private static string AlertKey(MailboxOptions mailbox) => $"fetch:{mailbox.Name}";

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
