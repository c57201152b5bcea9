using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Mail;

/// <summary>
/// While a round works on the rows it claimed, it renews their lease every third of it. The lease can then be short,
/// so a dead round's rows are taken over soon, without a slow but living round losing rows it is still working on.
/// </summary>
internal sealed class ClaimRenewal : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewing;

    private ClaimRenewal(Func<CancellationToken, Task> renew, TimeSpan lease, TimeProvider clock, ILogger logger) =>
        _renewing = RenewAsync(renew, lease / 3, clock, logger);

    /// <param name="renew">Moves the lease of the round's rows still in work to a lease from now.</param>
    public static ClaimRenewal Start(Func<CancellationToken, Task> renew, TimeSpan lease, TimeProvider clock, ILogger logger) =>
        new(renew, lease, clock, logger);

    private async Task RenewAsync(Func<CancellationToken, Task> renew, TimeSpan every, TimeProvider clock, ILogger logger)
    {
        try
        {
            // Periodic, so renewals keep their pace however long each one takes.
            using var timer = new PeriodicTimer(every, clock);
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                try
                {
                    await renew(_stop.Token);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning("Could not renew the claim on rows in work ({Error}); tried again in {Every}, another round may take them when the lease runs out",
                        ex.Message, every);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _renewing;
        _stop.Dispose();
    }
}
