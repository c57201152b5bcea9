namespace Helpdesk.Blazor.Flux;

/// <summary>
/// A part of a feature's state (Fluxor's IStateSelection): a component that injects it renders again only when the
/// selected value changes, not on every change of the state around it.
/// </summary>
public interface IStateSelection<TState, TValue> : IState<TValue>
{
    /// <summary>Chooses the part; call it before the component's first render (in OnInitialized).</summary>
    void Select(Func<TState, TValue> selector, Func<TValue, TValue, bool>? valueEquals = null);
}

internal sealed class StateSelection<TState, TValue>(IState<TState> state) : IStateSelection<TState, TValue>
{
    private Func<TState, TValue>? _selector;
    private Func<TValue, TValue, bool> _equals = EqualityComparer<TValue>.Default.Equals;
    private TValue _value = default!;
    private EventHandler? _changed;

    public TValue Value => _selector is null ? throw new InvalidOperationException("Select was not called.") : _value;

    public void Select(Func<TState, TValue> selector, Func<TValue, TValue, bool>? valueEquals = null)
    {
        (_selector, _equals) = (selector, valueEquals ?? _equals);
        _value = selector(state.Value);
    }

    // Subscribed to the state only while someone listens here, so a closed page leaves nothing behind in the store.
    public event EventHandler? StateChanged
    {
        add
        {
            if (_changed is null) state.StateChanged += OnStateChanged;
            _changed += value;
        }
        remove
        {
            _changed -= value;
            if (_changed is null) state.StateChanged -= OnStateChanged;
        }
    }

    private void OnStateChanged(object? sender, EventArgs e)
    {
        if (_selector is null) return;
        var value = _selector(state.Value);
        if (_equals(value, _value)) return;
        _value = value;
        _changed?.Invoke(this, EventArgs.Empty);
    }
}
