namespace Helpdesk.Blazor.Flux;

/// <summary>One feature's current state inside a store.</summary>
internal sealed class Feature(Type stateType, object initialState)
{
    public Type StateType { get; } = stateType;
    public object State { get; set; } = initialState;

    public event EventHandler? StateChanged;

    public void RaiseStateChanged() => StateChanged?.Invoke(this, EventArgs.Empty);
}

internal sealed class State<TState>(Store store) : IState<TState>
{
    public TState Value => (TState)store.FeatureFor(typeof(TState)).State;

    public event EventHandler? StateChanged
    {
        add => store.FeatureFor(typeof(TState)).StateChanged += value;
        remove => store.FeatureFor(typeof(TState)).StateChanged -= value;
    }
}
