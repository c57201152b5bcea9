using System.Reflection;

namespace Helpdesk.Blazor.Flux;

/// <summary>
/// The store of one circuit (scoped): holds each feature's state, reduces dispatched actions in order, notifies
/// subscribers, then starts the effects. An action dispatched while another is being processed is queued behind it.
/// </summary>
internal sealed class Store(FluxRegistry registry, IServiceProvider services, ILogger<Store> logger) : IDispatcher, IActionSubscriber
{
    private readonly Lock _lock = new();
    private readonly Queue<object> _queue = new();
    private readonly Dictionary<Type, Feature> _features = [];
    private readonly List<(object Subscriber, Type ActionType, Action<object> Callback)> _subscriptions = [];
    private bool _dispatching;

    public Feature FeatureFor(Type stateType)
    {
        lock (_lock)
        {
            if (_features.TryGetValue(stateType, out var feature)) return feature;
            if (!registry.FeatureStates.Contains(stateType))
                throw new InvalidOperationException($"{stateType.Name} is not a [FeatureState] in the scanned assemblies.");
            return _features[stateType] = new Feature(stateType, Activator.CreateInstance(stateType)!);
        }
    }

    public void Dispatch(object action)
    {
        ArgumentNullException.ThrowIfNull(action);
        lock (_lock)
        {
            _queue.Enqueue(action);
            if (_dispatching) return;
            _dispatching = true;
        }
        while (true)
        {
            object next;
            lock (_lock)
            {
                if (!_queue.TryDequeue(out next!))
                {
                    _dispatching = false;
                    return;
                }
            }
            Process(next);
        }
    }

    public void SubscribeToAction<TAction>(object subscriber, Action<TAction> callback)
    {
        lock (_lock) _subscriptions.Add((subscriber, typeof(TAction), a => callback((TAction)a)));
    }

    public void UnsubscribeFromAllActions(object subscriber)
    {
        lock (_lock) _subscriptions.RemoveAll(s => ReferenceEquals(s.Subscriber, subscriber));
    }

    private void Process(object action)
    {
        var changed = new List<Feature>();
        try
        {
            foreach (var group in registry.Reducers.Where(r => r.ActionType.IsInstanceOfType(action)).GroupBy(r => r.StateType))
            {
                var feature = FeatureFor(group.Key);
                var state = feature.State;
                foreach (var reducer in group)
                    state = reducer.Method.Invoke(null, reducer.TakesAction ? [state, action] : [state])!;
                if (!ReferenceEquals(state, feature.State))
                {
                    feature.State = state;
                    changed.Add(feature);
                }
            }
        }
        catch (TargetInvocationException ex)
        {
            // A throwing reducer is a bug; keep the previous state and the circuit alive.
            logger.LogError(ex.InnerException ?? ex, "Reducer failed for {Action}", action.GetType().Name);
        }

        foreach (var feature in changed)
            feature.RaiseStateChanged();
        List<Action<object>> callbacks;
        lock (_lock) callbacks = [.. _subscriptions.Where(s => s.ActionType.IsInstanceOfType(action)).Select(s => s.Callback)];
        foreach (var callback in callbacks)
            callback(action);
        foreach (var effect in registry.Effects.Where(e => e.ActionType.IsInstanceOfType(action)))
            _ = RunEffectAsync(effect, action);
    }

    private async Task RunEffectAsync(EffectInfo effect, object action)
    {
        try
        {
            var instance = services.GetRequiredService(effect.EffectType);
            await (Task)effect.Method.Invoke(instance, effect.TakesAction ? [action, this] : [this])!;
        }
        catch (Exception ex)
        {
            var error = ex is TargetInvocationException { InnerException: { } inner } ? inner : ex;
            logger.LogError(error, "Effect {Effect} failed for {Action}", effect.Method.Name, action.GetType().Name);
            if (action is not EffectFailedAction)
                Dispatch(new EffectFailedAction(error, action));
        }
    }
}
