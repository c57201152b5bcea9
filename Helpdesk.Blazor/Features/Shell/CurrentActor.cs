using System.Security.Claims;
using Helpdesk.Core.Accounts;
using Helpdesk.Core.Common;
using Helpdesk.Core.Persistence;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Blazor.Features.Shell;

/// <summary>The logged-in agent as an <see cref="Actor"/> for Core commands (scoped: one per circuit).</summary>
public sealed class CurrentActor(AuthenticationStateProvider authentication, IDbContextFactory<HelpdeskDbContext> contextFactory)
{
    private Actor? _actor;

    /// <summary>This circuit's id: changes it makes carry it, so it can ignore their echo from the change notifier.</summary>
    public string Origin { get; } = Guid.NewGuid().ToString("N");

    /// <summary>The person behind the login, or null where there is none (not logged in, or a login without a person).</summary>
    public async Task<int?> TryGetPersonIdAsync()
    {
        if (_actor is not null) return _actor.PersonId;
        var principal = (await authentication.GetAuthenticationStateAsync()).User;
        if (principal.Identity?.IsAuthenticated != true) return null;
        try
        {
            return (await GetAsync()).PersonId;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    public async Task<Actor> GetAsync() =>
        _actor ??= (await OfAsync((await authentication.GetAuthenticationStateAsync()).User, contextFactory, default)
            ?? throw new InvalidOperationException("The current user is not logged in, or the login no longer exists.")) with { Origin = Origin };

    /// <summary>The actor behind a request's login, or null when there is none (endpoints have no circuit to ask).</summary>
    public static Task<Actor?> OfRequestAsync(HttpContext http) =>
        OfAsync(http.User, http.RequestServices.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>(), http.RequestAborted);

    private static async Task<Actor?> OfAsync(ClaimsPrincipal principal, IDbContextFactory<HelpdeskDbContext> contextFactory, CancellationToken ct)
    {
        if (principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId) return null;
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var person = await db.Set<HelpdeskUser>().Where(u => u.Id == userId)
            .Select(u => new { u.PersonId, u.Person!.Name }).FirstOrDefaultAsync(ct);
        return person is null ? null : Actor.Agent(person.PersonId, person.Name, principal.FindAll(ClaimTypes.Role).Select(c => c.Value));
    }
}
