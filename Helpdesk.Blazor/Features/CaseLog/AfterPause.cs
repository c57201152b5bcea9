namespace Helpdesk.Blazor.Features.CaseLog;

/// <summary>Runs an action once changes have paused for a while; each new change restarts the wait.</summary>
/// <param name="onCircuit">Runs the action on the component's renderer (its InvokeAsync).</param>
public sealed class AfterPause(TimeSpan pause, TimeProvider clock, Func<Action, Task> onCircuit, Action action)
{
    private CancellationTokenSource? _pending;

    public void Restart()
    {
        _pending?.Cancel();
        var pending = _pending = new CancellationTokenSource();
        _ = RunAfterPauseAsync(pending);
    }

    public void Cancel()
    {
        _pending?.Cancel();
        _pending = null;
    }

    /// <summary>Runs the action now if it is waiting.</summary>
    public void Flush()
    {
        if (_pending is null) return;
        Cancel();
        action();
    }

    private async Task RunAfterPauseAsync(CancellationTokenSource pending)
    {
        try
        {
            await Task.Delay(pause, clock, pending.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        await onCircuit(() =>
        {
            if (_pending != pending) return;
            _pending = null;
            action();
        });
    }
}
