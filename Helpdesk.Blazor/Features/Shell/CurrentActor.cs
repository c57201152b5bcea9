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

    public async Task<Actor> GetAsync()
    {
        if (_actor is not null) return _actor;
        var principal = (await authentication.GetAuthenticationStateAsync()).User;
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("The current user is not logged in.");
        await using var db = await contextFactory.CreateDbContextAsync();
        var person = await db.Set<HelpdeskUser>().Where(u => u.Id == userId)
            .Select(u => new { u.PersonId, u.Person!.Name }).FirstOrDefaultAsync()
            ?? throw new InvalidOperationException("The current user no longer exists.");
        return _actor = Actor.Agent(person.PersonId, person.Name, principal.FindAll(ClaimTypes.Role).Select(c => c.Value)) with { Origin = Origin };
    }
}
