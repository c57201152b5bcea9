using Helpdesk.Blazor.Flux;
using Helpdesk.Tests.Blazor.Flux.SupportFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Tests.Blazor.Flux;

public sealed class StoreTests
{
    private static ServiceProvider Build() => new ServiceCollection()
        .AddLogging()
        .AddFlux(o => o.ScanAssemblies(typeof(StoreTests).Assembly))
        .BuildServiceProvider();

    [Fact]
    public void Value_BeforeAnyAction_IsTheParameterlessConstructorState()
    {
        using var services = Build();
        using var scope = services.CreateScope();

        var state = scope.ServiceProvider.GetRequiredService<IState<CounterState>>();

        Assert.Equal(0, state.Value.Count);
        Assert.Empty(state.Value.Log);
    }

    [Fact]
    public void Dispatch_ReducerChangesState_RaisesStateChangedOnce()
    {
        using var services = Build();
        using var scope = services.CreateScope();
        var state = scope.ServiceProvider.GetRequiredService<IState<CounterState>>();
        var raised = 0;
        state.StateChanged += (_, _) => raised++;

        scope.ServiceProvider.GetRequiredService<IDispatcher>().Dispatch(new IncrementAction(2));

        Assert.Equal(2, state.Value.Count);
        Assert.Equal(1, raised);
    }

    [Fact]
    public void Dispatch_ReducerReturnsSameState_DoesNotRaiseStateChanged()
    {
        using var services = Build();
        using var scope = services.CreateScope();
        var state = scope.ServiceProvider.GetRequiredService<IState<CounterState>>();
        var raised = 0;
        state.StateChanged += (_, _) => raised++;

        scope.ServiceProvider.GetRequiredService<IDispatcher>().Dispatch(new NoChangeAction());

        Assert.Equal(0, raised);
    }

    [Fact]
    public void Dispatch_ReducerDeclaredForBaseType_RunsForDerivedAction()
    {
        using var services = Build();
        using var scope = services.CreateScope();

        scope.ServiceProvider.GetRequiredService<IDispatcher>().Dispatch(new AuditedIncrementAction());

        Assert.Equal(["audited"], scope.ServiceProvider.GetRequiredService<IState<CounterState>>().Value.Log);
    }

    [Fact]
    public void Dispatch_EffectDispatchesAnotherAction_ProcessedAfterTheFirstIsReduced()
    {
        using var services = Build();
        using var scope = services.CreateScope();

        scope.ServiceProvider.GetRequiredService<IDispatcher>().Dispatch(new ChainAction());

        var state = scope.ServiceProvider.GetRequiredService<IState<CounterState>>().Value;
        Assert.Equal(["chain", "+10"], state.Log);
    }

    [Fact]
    public void Dispatch_FromStateChangedHandler_IsQueuedNotReentrant()
    {
        using var services = Build();
        using var scope = services.CreateScope();
        var dispatcher = scope.ServiceProvider.GetRequiredService<IDispatcher>();
        var state = scope.ServiceProvider.GetRequiredService<IState<CounterState>>();
        var seenCounts = new List<int>();
        state.StateChanged += (_, _) =>
        {
            seenCounts.Add(state.Value.Count);
            if (state.Value.Count == 1) dispatcher.Dispatch(new IncrementAction(5));
            seenCounts.Add(state.Value.Count);
        };

        dispatcher.Dispatch(new IncrementAction(1));

        Assert.Equal([1, 1, 6, 6], seenCounts);
    }

    [Fact]
    public async Task Dispatch_EffectThrows_DispatchesEffectFailedActionAndStoreKeepsWorking()
    {
        using var services = Build();
        using var scope = services.CreateScope();
        var dispatcher = scope.ServiceProvider.GetRequiredService<IDispatcher>();
        var failures = scope.ServiceProvider.GetRequiredService<IState<FailureState>>();
        var failed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        failures.StateChanged += (_, _) => failed.TrySetResult();

        dispatcher.Dispatch(new FailingEffectAction());
        await failed.Task.WaitAsync(TimeSpan.FromSeconds(5));
        var counter = scope.ServiceProvider.GetRequiredService<IState<CounterState>>();
        var counted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        counter.StateChanged += (_, _) => counted.TrySetResult();
        dispatcher.Dispatch(new IncrementAction(3));
        await counted.Task.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal("effect broke", failures.Value.LastError);
        Assert.Equal(3, counter.Value.Count);
    }

    [Fact]
    public void SubscribeToAction_MatchingAction_CallsBackUntilUnsubscribed()
    {
        using var services = Build();
        using var scope = services.CreateScope();
        var subscriber = scope.ServiceProvider.GetRequiredService<IActionSubscriber>();
        var dispatcher = scope.ServiceProvider.GetRequiredService<IDispatcher>();
        var owner = new object();
        var received = new List<int>();
        subscriber.SubscribeToAction<IncrementAction>(owner, a => received.Add(a.By));

        dispatcher.Dispatch(new IncrementAction(1));
        dispatcher.Dispatch(new NoChangeAction());
        subscriber.UnsubscribeFromAllActions(owner);
        dispatcher.Dispatch(new IncrementAction(2));

        Assert.Equal([1], received);
    }

    [Fact]
    public void Store_IsScoped_EachCircuitHasItsOwnState()
    {
        using var services = Build();
        using var first = services.CreateScope();
        using var second = services.CreateScope();

        first.ServiceProvider.GetRequiredService<IDispatcher>().Dispatch(new IncrementAction(4));

        Assert.Equal(4, first.ServiceProvider.GetRequiredService<IState<CounterState>>().Value.Count);
        Assert.Equal(0, second.ServiceProvider.GetRequiredService<IState<CounterState>>().Value.Count);
    }
}
