using System.Threading.Channels;

namespace Helpdesk.Core.Mail.Inbound.Processing;

/// <summary>
/// Hands mails, in arrival order, to several lanes that apply them at once, each in its own transactions. Related mails
/// (sharing a key: a sender, a thread, a ticket) go to the same lane, so they are applied in their order, one after the
/// other, as a single lane would. A mail related to mails in two lanes waits until every lane has committed what it was
/// handed, then starts afresh: nothing it depends on is left uncommitted in another transaction.
/// </summary>
public sealed class MailLanes<T>
{
    private readonly Func<T, IReadOnlyCollection<string>> _keysOf;
    private readonly Channel<T>[] _lanes;
    private readonly int[] _handed;
    private readonly Dictionary<string, int> _laneOfKey = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private int _committed;
    private TaskCompletionSource _progress = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private MailLanes(int lanes, Func<T, IReadOnlyCollection<string>> keysOf)
    {
        _keysOf = keysOf;
        _lanes = [.. Enumerable.Range(0, lanes).Select(_ => Channel.CreateUnbounded<T>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true }))];
        _handed = new int[lanes];
    }

    /// <summary>How many times a mail related to two lanes waited for all of them to commit.</summary>
    public int Joins { get; private set; }

    /// <summary>
    /// Runs <paramref name="apply"/> once per lane over the mails handed to it, and hands out <paramref name="mails"/>.
    /// <paramref name="apply"/> reports each commit (how many mails it made final) to the callback it is given. When a
    /// lane fails, no more mails are handed out; the lanes finish, and the first failure is thrown (the mails not
    /// committed are the caller's to pick up).
    /// </summary>
    public static async Task<MailLanes<T>> RunAsync(IAsyncEnumerable<T> mails, int lanes, Func<T, IReadOnlyCollection<string>> keysOf,
        Func<IAsyncEnumerable<T>, Action<int>, Task> apply, CancellationToken ct)
    {
        var run = new MailLanes<T>(lanes, keysOf);
        var applying = run._lanes.Select(lane => Task.Run(() => apply(lane.Reader.ReadAllAsync(ct), run.Committed), ct)).ToArray();
        var stopped = Task.WhenAny(applying.Select(a => a.ContinueWith(_ => { }, TaskScheduler.Default)));
        Exception? handingFailed = null;
        try
        {
            await foreach (var mail in mails.WithCancellation(ct))
                if (!await run.HandAsync(mail, stopped, ct)) break;
        }
        catch (Exception ex)
        {
            handingFailed = ex;
        }
        finally
        {
            foreach (var lane in run._lanes) lane.Writer.TryComplete();
        }
        try
        {
            await Task.WhenAll(applying);
        }
        catch when (handingFailed is not null)
        {
            // The lanes ended because the handing out did; its failure is the one to report.
        }
        if (handingFailed is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(handingFailed);
        return run;
    }

    /// <returns>False when a lane has stopped: nothing more is handed out.</returns>
    private async Task<bool> HandAsync(T mail, Task stopped, CancellationToken ct)
    {
        if (stopped.IsCompleted) return false;
        var keys = _keysOf(mail);
        var related = keys.Select(k => _laneOfKey.GetValueOrDefault(k, -1)).Where(l => l >= 0).Distinct().ToList();
        if (related.Count > 1)
        {
            Joins++;
            if (!await AllCommittedAsync(stopped, ct)) return false;
            // Everything handed out so far is final: no relation to an earlier mail is pending in any lane.
            _laneOfKey.Clear();
            related.Clear();
        }
        var lane = related.Count == 1 ? related[0] : LeastHanded();
        foreach (var key in keys) _laneOfKey[key] = lane;
        _handed[lane]++;
        _lanes[lane].Writer.TryWrite(mail);
        return true;
    }

    private int LeastHanded()
    {
        var least = 0;
        for (var lane = 1; lane < _handed.Length; lane++)
            if (_handed[lane] < _handed[least]) least = lane;
        return least;
    }

    private void Committed(int mails)
    {
        lock (_lock)
        {
            _committed += mails;
            _progress.TrySetResult();
            _progress = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    private async Task<bool> AllCommittedAsync(Task stopped, CancellationToken ct)
    {
        var handed = _handed.Sum();
        while (true)
        {
            Task progress;
            lock (_lock)
            {
                if (_committed >= handed) return true;
                progress = _progress.Task;
            }
            if (await Task.WhenAny(progress, stopped).WaitAsync(ct) == stopped) return false;
        }
    }
}
