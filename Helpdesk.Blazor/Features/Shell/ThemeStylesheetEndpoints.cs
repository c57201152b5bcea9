namespace Helpdesk.Blazor.Features.Shell;

public static class ThemeStylesheetEndpoints
{
    /// <summary>Built on first use (the first page served), once for the process.</summary>
    public static IServiceCollection AddThemeStylesheet(this IServiceCollection services) =>
        services.AddSingleton(provider => ThemeStylesheet.BuildAsync(provider, provider.GetRequiredService<ILoggerFactory>()).GetAwaiter().GetResult());

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
