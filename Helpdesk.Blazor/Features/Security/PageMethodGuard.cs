using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Diagnostics;

namespace Helpdesk.Blazor.Features.Security;

/// <summary>
/// Pages take form posts only: a page endpoint fails (500) on a POST without a form body, so such a request gets a 400.
/// The error and not-found pages are re-executed with the failed request's method; they are shown as for a GET.
/// </summary>
public static class PageMethodGuard
{
    public static WebApplication UsePageMethodGuard(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var request = context.Request;
            if (!HttpMethods.IsPost(request.Method) || context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is null)
                return next(context);
            if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null)
                request.Method = HttpMethods.Get;
            else if (!request.HasFormContentType)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return Task.CompletedTask;
            }
            return next(context);
        });
        return app;
    }
}
