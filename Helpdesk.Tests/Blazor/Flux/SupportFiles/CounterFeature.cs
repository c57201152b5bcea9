using Helpdesk.Blazor.Flux;

namespace Helpdesk.Tests.Blazor.Flux.SupportFiles;

[FeatureState]
public sealed record CounterState
{
    public int Count { get; init; }
    public IReadOnlyList<string> Log { get; init; } = [];
}

public sealed record IncrementAction(int By);

public sealed record NoChangeAction;

public sealed record FailingEffectAction;

public sealed record ChainAction;

public abstract record AuditedAction;

public sealed record AuditedIncrementAction : AuditedAction;

public static class CounterReducers
{
    [ReducerMethod]
    public static CounterState ReduceIncrementAction(CounterState state, IncrementAction action) =>
        state with { Count = state.Count + action.By, Log = [.. state.Log, $"+{action.By}"] };

    [ReducerMethod]
    public static CounterState ReduceNoChangeAction(CounterState state, NoChangeAction action) => state;

    [ReducerMethod]
    public static CounterState ReduceAuditedAction(CounterState state, AuditedAction action) =>
        state with { Log = [.. state.Log, "audited"] };

    [ReducerMethod(typeof(ChainAction))]
    public static CounterState ReduceChainAction(CounterState state) => state with { Log = [.. state.Log, "chain"] };
}

public sealed class CounterEffects
{
    [EffectMethod]
    public Task HandleChainAction(ChainAction action, IDispatcher dispatcher)
    {
        dispatcher.Dispatch(new IncrementAction(10));
        return Task.CompletedTask;
    }

    [EffectMethod(typeof(FailingEffectAction))]
    public async Task HandleFailingEffectAction(IDispatcher dispatcher)
    {
        await Task.Yield();
        throw new InvalidOperationException("effect broke");
    }
}

[FeatureState]
public sealed record FailureState
{
    public string? LastError { get; init; }
}

public static class FailureReducers
{
    [ReducerMethod]
    public static FailureState ReduceEffectFailedAction(FailureState state, EffectFailedAction action) =>
        state with { LastError = action.Exception.Message };
}
