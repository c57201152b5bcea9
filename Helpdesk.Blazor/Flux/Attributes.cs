namespace Helpdesk.Blazor.Flux;

/// <summary>Marks an immutable state record; its parameterless constructor gives the initial state.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class FeatureStateAttribute : Attribute;

/// <summary>
/// Marks a pure static reducer: <c>static TState Reduce(TState state, TAction action)</c>, or
/// <c>[ReducerMethod(typeof(TAction))] static TState Reduce(TState state)</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReducerMethodAttribute(Type? actionType = null) : Attribute
{
    public Type? ActionType { get; } = actionType;
}

/// <summary>
/// Marks an effect on a DI-resolved class: <c>Task Handle(TAction action, IDispatcher dispatcher)</c>, or
/// <c>[EffectMethod(typeof(TAction))] Task Handle(IDispatcher dispatcher)</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class EffectMethodAttribute(Type? actionType = null) : Attribute
{
    public Type? ActionType { get; } = actionType;
}
