using System.Reflection;

namespace Helpdesk.Blazor.Flux;

public sealed class FluxOptions
{
    internal List<Assembly> Assemblies { get; } = [];

    public FluxOptions ScanAssemblies(params Assembly[] assemblies)
    {
        Assemblies.AddRange(assemblies);
        return this;
    }
}

public static class FluxServiceCollectionExtensions
{
    /// <summary>Registers a scoped store (one per Blazor circuit) with every feature, reducer and effect found by attribute.</summary>
    public static IServiceCollection AddFlux(this IServiceCollection services, Action<FluxOptions> configure)
    {
        var options = new FluxOptions();
        configure(options);
        var registry = new FluxRegistry(options.Assemblies);
        services.AddSingleton(registry);
        services.AddScoped<Store>();
        services.AddScoped<IDispatcher>(sp => sp.GetRequiredService<Store>());
        services.AddScoped<IActionSubscriber>(sp => sp.GetRequiredService<Store>());
        services.AddScoped(typeof(IState<>), typeof(State<>));
        services.AddTransient(typeof(IStateSelection<,>), typeof(StateSelection<,>));
        foreach (var effectType in registry.Effects.Select(e => e.EffectType).Distinct())
            services.AddScoped(effectType);
        return services;
    }
}
