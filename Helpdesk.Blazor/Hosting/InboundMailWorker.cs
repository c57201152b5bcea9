using System.Collections.Concurrent;
using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Leases;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Fetching;
using Helpdesk.Core.Mail.Inbound.Mailboxes;
using Helpdesk.Core.Mail.Inbound.Processing;
using Microsoft.Extensions.Options;

namespace Helpdesk.Blazor.Hosting;

/// <summary>
/// One loop per effective mailbox (configured plus enabled saved ones): fetch (stores raw mail first), process what is
/// pending, then wait for new mail (IMAP IDLE where offered, else the poll interval). Every poll interval, mail left
/// pending by a round that died (here or in another instance) is processed once its claim lapsed. Every poll interval, and at once
/// after an administrator saves a mailbox, the set of loops is brought in line with the mailboxes, so no restart is
/// needed. Errors are handled by <see cref="MailboxRound"/> and never stop the host. A loop fetches only while it holds
/// its mailbox's lease (<see cref="IWorkLeases"/>), so of several instances on one PostgreSQL database one fetches.
/// </summary>
public sealed class InboundMailWorker(
    IOptions<InboundMailOptions> options,
    MailboxDirectory directory,
    MailboxChanges changes,
    IEnumerable<IMailboxFetcher> fetchers,
    ImapFetcher imap,
    SystemAlerts alerts,
    IWorkLeases leases,
    IOptions<LeaseOptions> leaseOptions,
    IServiceScopeFactory scopes,
    ILogger<InboundMailWorker> logger) : BackgroundService
{
    private readonly SemaphoreSlim _processing = new(1, 1);
    private readonly ConcurrentDictionary<string, MailboxLoopState> _states = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>What each running mailbox loop does now, for /health.</summary>
    public IReadOnlyDictionary<string, MailboxLoopState> MailboxStates => new Dictionary<string, MailboxLoopState>(_states, StringComparer.OrdinalIgnoreCase);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var loops = new Dictionary<string, MailboxLoop>(StringComparer.OrdinalIgnoreCase);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await ReconcileAsync(loops, stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // The loops that run keep running; the next interval tries again.
                    logger.LogError(ex, "Bringing the mailbox loops in line with the mailboxes failed");
                }
                try
                {
                    await ProcessAsync((processor, ct) => processor.ProcessLeftBehindAsync(ct), stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(ex, "Processing received mail left behind by a stopped round failed");
                }
                try
                {
                    await changes.WaitAsync(options.Value.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
        finally
        {
            await Task.WhenAll(loops.Values.Select(l => l.StopAsync()));
        }
    }

    private async Task ReconcileAsync(Dictionary<string, MailboxLoop> loops, CancellationToken stoppingToken)
    {
        var effective = await directory.GetEffectiveAsync(stoppingToken);
        var plan = MailboxLoopPlan.For(loops.ToDictionary(l => l.Key, l => l.Value.Mailbox, StringComparer.OrdinalIgnoreCase), effective);
        foreach (var name in plan.Stop)
        {
            logger.LogInformation("Stopping the loop of mailbox {Mailbox}", name);
            await loops[name].StopAsync();
            loops.Remove(name);
        }
        foreach (var mailbox in plan.Start)
        {
            if (fetchers.All(f => f.Kind != mailbox.Kind)) continue;
            logger.LogInformation("Starting the loop of mailbox {Mailbox} ({Kind})", mailbox.Name, mailbox.Kind);
            loops[mailbox.Name] = MailboxLoop.Start(mailbox, ct => RunMailboxAsync(mailbox, ct), stoppingToken);
        }
    }

    private async Task RunMailboxAsync(MailboxOptions mailbox, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var lease = await TryTakeLeaseAsync(mailbox, ct);
                if (lease is null)
                {
                    _states[mailbox.Name] = MailboxLoopState.Standby;
                    await Task.Delay(leaseOptions.Value.Retry, ct).ContinueWith(_ => { }, TaskScheduler.Default);
                    continue;
                }
                var lost = lease.Lost;
                await using (lease)
                {
                    _states[mailbox.Name] = MailboxLoopState.Fetching;
                    using var held = CancellationTokenSource.CreateLinkedTokenSource(ct, lost);
                    await FetchWhileHeldAsync(mailbox, held.Token);
                }
                if (lost.IsCancellationRequested && !ct.IsCancellationRequested)
                    logger.LogWarning("Mailbox {Mailbox} stopped fetching: its lease was lost; it fetches again once it has the lease back", mailbox.Name);
            }
        }
        finally
        {
            _states.TryRemove(mailbox.Name, out _);
        }
    }

    private async Task<HeldLease?> TryTakeLeaseAsync(MailboxOptions mailbox, CancellationToken ct)
    {
        try
        {
            return await leases.TryTakeAsync(LeaseResource.Mailbox(mailbox.Name), ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("Taking the lease of mailbox {Mailbox} failed; trying again: {Error}", mailbox.Name, ex.Message);
            return null;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private async Task FetchWhileHeldAsync(MailboxOptions mailbox, CancellationToken ct)
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

    private Task ProcessPendingAsync(CancellationToken ct) => ProcessAsync((processor, token) => processor.ProcessPendingAsync(token), ct);

    private async Task ProcessAsync(Func<InboundMailProcessor, CancellationToken, Task> process, CancellationToken ct)
    {
        await _processing.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await process(scope.ServiceProvider.GetRequiredService<InboundMailProcessor>(), ct);
        }
        finally
        {
            _processing.Release();
        }
    }
}
