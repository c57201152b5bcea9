using Helpdesk.Blazor.Components;
using Helpdesk.Blazor.Features.Account;
using Helpdesk.Blazor.Features.Attachments;
using Helpdesk.Blazor.Features.CaseLog;
using Helpdesk.Blazor.Features.Mail;
using Helpdesk.Blazor.Features.Notifications;
using Helpdesk.Blazor.Features.Security;
using Helpdesk.Blazor.Features.Shell;
using Helpdesk.Blazor.Features.Tickets;
using Helpdesk.Blazor.Flux;
using Helpdesk.Blazor.Hosting.Health;
using Helpdesk.Core.Common;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace Helpdesk.Blazor.Hosting;

public static class ConsoleServiceCollectionExtensions
{
    /// <summary>The agent console: Razor components, MudBlazor, authentication cookies and the UI's own services.</summary>
    public static WebApplicationBuilder AddHelpdeskConsole(this WebApplicationBuilder builder)
    {
        // `dotnet run` serves from the build output, where package assets (MudBlazor's css/js) are found through the
        // static web assets manifest; ASP.NET Core reads it by itself only in Development. Published apps have no
        // manifest, so this is a no-op there.
        builder.WebHost.UseStaticWebAssets();
        // Kestrel reads only its endpoints from configuration. Its limits come from the same section, so that
        // Kestrel:Limits:KeepAliveTimeout (15 s in appsettings.json, 130 s in Kestrel) closes the connections an open
        // page's load left idle; the page goes on over its circuit's WebSocket.
        builder.Services.Configure<KestrelServerOptions>(kestrel => builder.Configuration.GetSection("Kestrel:Limits").Bind(kestrel.Limits));
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddFlux(o => o.ScanAssemblies(typeof(App).Assembly));
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        builder.Services.AddHelpdeskHealthChecks();
        builder.Services.AddScoped<CurrentActor>();
        builder.Services.AddThemeStylesheet();
        builder.Services.AddSingleton<Features.Tickets.Presence.TicketPresenceRegistry>();
        builder.Services.AddScoped<EmailActionsChanged>();
        builder.Services.AddSingleton<Features.Tickets.Views.TicketViewsChanged>();
        builder.Services.AddSingleton<Features.Tickets.Live.SharedTicketListResults>();
        builder.Services.AddSingleton<Features.Tickets.Live.SharedTicketViewCounts>();
        builder.Services.AddScoped<Features.Tickets.Live.TicketListBrowserPace>();
        builder.Services.AddWorkerAfterListening<InboundMailWorker>();
        builder.Services.AddWorkerAfterListening<OutboxSendWorker>();
        builder.Services.AddWorkerAfterListening<OverdueWorker>();
        builder.Services.AddWorkerAfterListening<WaitingUntilWorker>();
        builder.Services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<IOptions<HelpdeskOptions>>((o, helpdesk) =>
        {
            o.LoginPath = "/account/login";
            o.AccessDeniedPath = "/access-denied";
            o.Cookie.Name = "helpdesk.auth";
            o.Cookie.HttpOnly = true;
            // Behind a TLS-terminating proxy the request looks like plain http: an https public URL makes the cookie Secure anyway.
            o.Cookie.SecurePolicy = helpdesk.Value.PublicUrl.StartsWith("https:", StringComparison.OrdinalIgnoreCase)
                ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            // Not Strict: a ticket link in a notification mail must open the ticket, not the login page.
            o.Cookie.SameSite = SameSiteMode.Lax;
            // For "Remember me"; without it the cookie ends with the browser session.
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = context => RedirectOrRefuse(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => RedirectOrRefuse(context, StatusCodes.Status403Forbidden);
            o.Events.OnValidatePrincipal = OwnScopeSecurityStampValidation.ValidateAsync;
        });
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return builder;
    }

    /// <summary>A person following a link is sent to the login page; anything else (a form post, the circuit's negotiate call) gets a plain 4xx.</summary>
    private static Task RedirectOrRefuse(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var request = context.Request;
        if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && !request.Path.StartsWithSegments("/_blazor"))
            context.Response.Redirect(context.RedirectUri);
        else
            context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    public static WebApplication UseHelpdeskConsole(this WebApplication app)
    {
        app.UseReverseProxyHeaders();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UsePageMethodGuard();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UsePasswordChangeGate();
        app.UseTicketPageStatus();
        app.UseAntiforgery();
        app.MapStaticAssets().AllowAnonymous();
        app.MapHelpdeskHealth();
        app.MapThemeStylesheet();
        app.MapAccountEndpoints();
        app.MapAttachmentEndpoints();
        app.MapRemoteImageEndpoints();
        app.MapMailEndpoints();
        // No per-message deflate on the circuit's socket: its compressor keeps about 300 KB of native memory per open
        // page (measured: 1,420 against 1,120 KB per circuit beside the same managed heap) to shrink updates of a few KB,
        // and it would compress text a mail's sender chose in one stream with what the page holds (the attack class
        // behind ASP.NET Core calling the option "dangerous").
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.DisableWebSocketCompression = true);
        return app;
    }
}
