using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.TestSupport.Http;

/// <summary>
/// Routes that exist only in the test hosts, behind the console's whole pipeline (security headers, error pages,
/// authentication): a page that serves hostile markup as if sanitizing had been bypassed, and a request that fails.
/// </summary>
public sealed class TestOnlyRoutes : IStartupFilter
{
    public const string UnsafeFragment = "/test-only/unsafe-fragment";
    public const string Failure = "/test-only/failure";

    public static void AddTo(IServiceCollection services) => services.AddTransient<IStartupFilter, TestOnlyRoutes>();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        // Appended after the console's endpoints, so these run only for paths the console itself does not serve.
        app.Map(UnsafeFragment, branch => branch.Run(context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            return context.Response.WriteAsync("""
                <!DOCTYPE html>
                <html><head><title>Unsafe fragment</title></head><body>
                <p data-testid="unsafe-fragment">A mail body that sanitizing let through:</p>
                <img src="/no-such-image.png" onerror="window.__pwned = 'onerror'" alt="">
                <script>window.__pwned = 'inline script';</script>
                </body></html>
                """);
        }));
        app.Map(Failure, branch => branch.Run(_ => throw new InvalidOperationException("A request that fails, for the error page.")));
    };
}
