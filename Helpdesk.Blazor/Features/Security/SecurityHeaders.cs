namespace Helpdesk.Blazor.Features.Security;

/// <summary>
/// Headers on every console response that keep hostile content (mail bodies, attachments) from acting in the console,
/// even where sanitizing missed something: no inline or foreign script, no plugins, no framing by other sites.
/// </summary>
public static class SecurityHeaders
{
    public static readonly string ContentSecurityPolicy = string.Join("; ",
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'", // MudBlazor positions and themes its components with inline styles
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'", // CSP3: 'self' also allows the circuit's ws:/wss: to the same host
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'");

    /// <summary>For files people sent in: opened directly, an HTML or SVG attachment still cannot run script or load anything.</summary>
    public const string AttachmentContentSecurityPolicy = "sandbox; default-src 'none'";

    /// <summary>Gives an endpoint's responses another policy than the console's.</summary>
    public static TBuilder WithContentSecurityPolicy<TBuilder>(this TBuilder builder, string policy) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ContentSecurityPolicyMetadata(policy));

    /// <summary>Ticket files and raw mails stay out of browser and proxy caches, where they would outlive the login.</summary>
    public static TBuilder WithoutCaching<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new NoStoreMetadata());

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            // Set when the response starts, not now: the exception handler clears the headers before it writes the error page.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                // Replaces the frame-ancestors-only policy Blazor puts on interactive pages.
                headers.ContentSecurityPolicy = context.GetEndpoint()?.Metadata.GetMetadata<ContentSecurityPolicyMetadata>()?.Policy ?? ContentSecurityPolicy;
                if (context.GetEndpoint()?.Metadata.GetMetadata<NoStoreMetadata>() is not null)
                    headers.CacheControl = "no-store";
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                // Once a browser reached the console over https, it never falls back to plain http (cookies, passwords).
                if (context.Request.IsHttps)
                    headers.StrictTransportSecurity = "max-age=31536000";
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    private sealed record ContentSecurityPolicyMetadata(string Policy);

    private sealed record NoStoreMetadata;
}
