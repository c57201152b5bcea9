namespace Helpdesk.Blazor.Features.Shell;

public static class ThemeStylesheetEndpoints
{
    /// <summary>Built once for the process: begun as the app starts (<see cref="ThemeStylesheetWarmUp"/>), else on first use.</summary>
    public static IServiceCollection AddThemeStylesheet(this IServiceCollection services) =>
        services.AddSingleton(provider => ThemeStylesheet.BuildAsync(provider, provider.GetRequiredService<ILoggerFactory>()).GetAwaiter().GetResult())
            .AddHostedService<ThemeStylesheetWarmUp>();

    /// <summary>Served to anyone (the login page is drawn in it too); its address changes with its content, so browsers keep it.</summary>
    public static IEndpointRouteBuilder MapThemeStylesheet(this IEndpointRouteBuilder app)
    {
        app.MapGet(ThemeStylesheet.Path, (ThemeStylesheet stylesheet, HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.Text(stylesheet.Css, "text/css; charset=utf-8");
        }).AllowAnonymous();
        return app;
    }
}
