using System.Reflection;
using System.Runtime.CompilerServices;

namespace Helpdesk.Blazor.Flux;

internal sealed record ReducerInfo(Type StateType, Type ActionType, MethodInfo Method, bool TakesAction);

internal sealed record EffectInfo(Type EffectType, Type ActionType, MethodInfo Method, bool TakesAction);

/// <summary>Features, reducers and effects found by attribute in the scanned assemblies (built once, at start-up).</summary>
internal sealed class FluxRegistry
{
    public FluxRegistry(IEnumerable<Assembly> assemblies)
    {
        // Closures and async state machines hold no reducers or effects, and IsDefined reads metadata without creating
        // the attribute: the console's assembly has thousands of methods, and this runs before it can answer.
        var types = assemblies.Distinct().SelectMany(a => a.GetTypes()).Where(t => !t.IsDefined(typeof(CompilerGeneratedAttribute), false)).ToList();
        FeatureStates = [.. types.Where(t => t.IsDefined(typeof(FeatureStateAttribute), false))];
        foreach (var type in FeatureStates)
            if (type.GetConstructor(Type.EmptyTypes) is null)
                throw new InvalidOperationException($"Feature state {type.Name} needs a parameterless constructor for its initial state.");

        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        foreach (var method in types.SelectMany(t => t.GetMethods(all)))
        {
            if (method.IsDefined(typeof(ReducerMethodAttribute), false))
                Reducers.Add(ToReducer(method, method.GetCustomAttribute<ReducerMethodAttribute>()!.ActionType));
            if (method.IsDefined(typeof(EffectMethodAttribute), false))
                Effects.Add(ToEffect(method, method.GetCustomAttribute<EffectMethodAttribute>()!.ActionType));
        }
    }

    public IReadOnlyList<Type> FeatureStates { get; }
    public List<ReducerInfo> Reducers { get; } = [];
    public List<EffectInfo> Effects { get; } = [];

    private ReducerInfo ToReducer(MethodInfo method, Type? declaredAction)
    {
        var parameters = method.GetParameters();
        var valid = method.IsStatic && parameters.Length == (declaredAction is null ? 2 : 1)
            && parameters[0].ParameterType == method.ReturnType && FeatureStates.Contains(method.ReturnType);
        if (!valid)
            throw new InvalidOperationException($"Reducer {method.DeclaringType?.Name}.{method.Name} must be static TState (TState state, TAction action) for a [FeatureState] TState.");
        return new ReducerInfo(method.ReturnType, declaredAction ?? parameters[1].ParameterType, method, declaredAction is null);
    }

    private static EffectInfo ToEffect(MethodInfo method, Type? declaredAction)
    {
        var parameters = method.GetParameters();
        var valid = !method.IsStatic && method.ReturnType == typeof(Task)
            && parameters.Length == (declaredAction is null ? 2 : 1) && parameters[^1].ParameterType == typeof(IDispatcher);
        if (!valid)
            throw new InvalidOperationException($"Effect {method.DeclaringType?.Name}.{method.Name} must be Task (TAction action, IDispatcher dispatcher) on an instance class.");
        return new EffectInfo(method.DeclaringType!, declaredAction ?? parameters[0].ParameterType, method, declaredAction is null);
    }
}
