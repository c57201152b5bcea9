using System.Runtime.CompilerServices;

namespace Helpdesk.Core.Mail.Inbound.Processing;

/// <summary>
/// Reads a batch of mails ahead, a few at a time, and hands them out in arrival order, so that a follow-up still finds
/// the ticket of the mail before it. A mail whose read takes longer than <c>wait</c> is passed over and handed out once
/// read, after the mails behind it; it also gives up its read slot, so even several slow mails do not hold the others.
/// </summary>
public static class ReadAhead
{
    public static async IAsyncEnumerable<(TItem Item, TRead Read)> InOrderAsync<TItem, TRead>(IReadOnlyList<TItem> items,
        Func<TItem, CancellationToken, Task<TRead>> read, int slots, TimeSpan wait, [EnumeratorCancellation] CancellationToken ct)
    {
        // Not disposed: reads still running when the caller stops early release it afterwards.
        var gate = new SemaphoreSlim(slots);
        var reads = items.Select(item =>
        {
            var slot = new Slot(gate);
            return (Item: item, Slot: slot, Task: slot.RunAsync(() => read(item, ct), ct));
        }).ToList();
        var passedOver = new List<(TItem Item, Task<TRead> Task)>();
        foreach (var (item, slot, task) in reads)
        {
            await Task.WhenAny(task, Task.Delay(wait, ct));
            ct.ThrowIfCancellationRequested();
            if (task.IsCompleted)
            {
                yield return (item, await task);
                continue;
            }
            slot.GiveUp();
            passedOver.Add((item, task));
        }
        while (passedOver.Count > 0)
        {
            var done = await Task.WhenAny(passedOver.Select(p => p.Task));
            var next = passedOver.First(p => p.Task == done);
            passedOver.Remove(next);
            yield return (next.Item, await next.Task);
        }
    }

    /// <summary>One read's place in the gate: held while it reads on time, given back once it is passed over.</summary>
    private sealed class Slot(SemaphoreSlim gate)
    {
        private const int Waiting = 0, Holding = 1, Released = 2, PassedOver = 3;
        private int _state;

        public async Task<T> RunAsync<T>(Func<Task<T>> read, CancellationToken ct)
        {
            await gate.WaitAsync(ct);
            // Passed over while still queued: it reads without keeping the place it just got.
            if (Interlocked.CompareExchange(ref _state, Holding, Waiting) != Waiting) gate.Release();
            try
            {
                return await read();
            }
            finally
            {
                if (Interlocked.CompareExchange(ref _state, Released, Holding) == Holding) gate.Release();
            }
        }

        public void GiveUp()
        {
            if (Interlocked.CompareExchange(ref _state, PassedOver, Waiting) == Waiting) return;
            if (Interlocked.CompareExchange(ref _state, Released, Holding) == Holding) gate.Release();
        }
    }
}
