namespace Helpdesk.Blazor.Flux;

public interface IDispatcher
{
    /// <summary>Queues an action; actions are reduced one at a time, in order, then their effects start.</summary>
    void Dispatch(object action);
}

public interface IState<out TState>
{
    TState Value { get; }

    event EventHandler? StateChanged;
}

public interface IActionSubscriber
{
    void SubscribeToAction<TAction>(object subscriber, Action<TAction> callback);

    void UnsubscribeFromAllActions(object subscriber);
}

/// <summary>Dispatched when an effect throws, so the UI can say so; the store keeps working.</summary>
public sealed record EffectFailedAction(Exception Exception, object Action);
