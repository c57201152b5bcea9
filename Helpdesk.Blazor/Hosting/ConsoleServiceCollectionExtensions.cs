using Helpdesk.Blazor.Components;
using Helpdesk.Blazor.Features.Account;
using Helpdesk.Blazor.Features.Attachments;
using Helpdesk.Blazor.Features.CaseLog;
using Helpdesk.Blazor.Features.Mail;
using Helpdesk.Blazor.Features.Shell;
using Helpdesk.Blazor.Features.Tickets;
using Helpdesk.Blazor.Flux;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
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
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddFlux(o => o.ScanAssemblies(typeof(App).Assembly));
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        builder.Services.AddHealthChecks();
        builder.Services.AddScoped<CurrentActor>();
        builder.Services.AddHostedService<InboundMailWorker>();
        builder.Services.AddHostedService<OutboxSendWorker>();
        builder.Services.AddHostedService<OverdueWorker>();
        builder.Services.AddHostedService<WaitingUntilWorker>();
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.AccessDeniedPath = "/access-denied";
            o.Cookie.Name = "helpdesk.auth";
            o.SlidingExpiration = true;
        });
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return builder;
    }

    public static WebApplication UseHelpdeskConsole(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseTicketPageStatus();
        app.UseAntiforgery();
        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapAttachmentEndpoints();
        app.MapRemoteImageEndpoints();
        app.MapMailEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
