using Helpdesk.Blazor.Features.Shell;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Blazor.Features.Tickets;

/// <summary>
/// The ticket page loads its ticket after the first render, so the HTTP answer would always be 200. A request for a
/// ticket that does not exist answers 404 (the page itself still says which ticket and offers the way back). A login
/// that may not see the ticket gets 200 and the page's refusal for every number, existing or not.
/// </summary>
public static class TicketPageStatus
{
    public static WebApplication UseTicketPageStatus(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsGet(context.Request.Method) && context.User.Identity?.IsAuthenticated == true
                && TicketId(context.Request.Path) is { } id
                && await IsMissingForAsync(context, id))
                context.Response.StatusCode = StatusCodes.Status404NotFound;
            await next();
        });
        return app;
    }

    private static async Task<bool> IsMissingForAsync(HttpContext context, int id) =>
        await CurrentActor.OfRequestAsync(context) is { } actor
        && await context.RequestServices.GetRequiredService<TicketDetailsQuery>().IsMissingForAsync(id, actor, context.RequestAborted);

    private static int? TicketId(PathString path) =>
        path.StartsWithSegments("/tickets", out var rest) && rest.Value is ['/', .. var digits]
            && int.TryParse(digits, System.Globalization.NumberStyles.None, null, out var id) ? id : null;
}
