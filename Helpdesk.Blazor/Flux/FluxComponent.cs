using Microsoft.AspNetCore.Components;

namespace Helpdesk.Blazor.Flux;

/// <summary>
/// A component that re-renders when any <see cref="IState{TState}"/> or <see cref="IStateSelection{TState, TValue}"/> it
/// injects changes (Fluxor's FluxorComponent).
/// It subscribes on the first parameters set, so derived components need not call base.OnInitialized.
/// </summary>
public abstract class FluxComponent : ComponentBase, IDisposable
{
    private readonly List<Action> _unsubscribe = [];
    private bool _subscribed;

    [Inject] private IActionSubscriber ActionSubscriber { get; set; } = default!;

    public override Task SetParametersAsync(ParameterView parameters)
    {
        if (!_subscribed)
        {
            _subscribed = true;
            SubscribeToStates();
        }
        return base.SetParametersAsync(parameters);
    }

    protected void SubscribeToAction<TAction>(Action<TAction> callback) =>
        ActionSubscriber.SubscribeToAction<TAction>(this, a => InvokeAsync(() => callback(a)));

    private void SubscribeToStates()
    {
        for (var type = GetType(); type is not null && type != typeof(FluxComponent); type = type.BaseType)
        {
            var stateProperties = type.GetProperties(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public
                    | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.DeclaredOnly)
                .Select(p => (Property: p, State: StateInterfaceOf(p.PropertyType)))
                .Where(p => p.State is not null);
            foreach (var (property, stateInterface) in stateProperties)
            {
                if (property.GetValue(this) is not { } state) continue;
                var stateChanged = stateInterface!.GetEvent(nameof(IState<object>.StateChanged))!;
                EventHandler handler = OnStateChanged;
                stateChanged.AddEventHandler(state, handler);
                _unsubscribe.Add(() => stateChanged.RemoveEventHandler(state, handler));
            }
        }
    }

    // IState<T> itself, or what derives from it (IStateSelection<TState, TValue>).
    private static Type? StateInterfaceOf(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IState<>) ? type
        : type.IsInterface ? type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IState<>))
        : null;

    private void OnStateChanged(object? sender, EventArgs e) => _ = InvokeAsync(StateHasChanged);

    protected virtual void Dispose(bool disposing)
    {
        if (!disposing) return;
        foreach (var unsubscribe in _unsubscribe) unsubscribe();
        _unsubscribe.Clear();
        ActionSubscriber.UnsubscribeFromAllActions(this);
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }
}
