using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Helpdesk.Blazor.Features.Shell;
using Helpdesk.Blazor.Features.Tickets.Presence;
using Helpdesk.Core.Accounts;
using Helpdesk.Core.Persistence;
using Helpdesk.Tests.TestSupport;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Blazor.Features.Tickets.Presence;

/// <summary>Who has a ticket open is shown to, and shows, console logins only.</summary>
public sealed class TicketPresenceAccessTests : HelpdeskBunitContext
{
    private const int TicketId = 7;
    private BunitAuthorizationContext _authorization = default!;

    protected override void ConfigureServices()
    {
        Services.AddSingleton<TicketPresenceRegistry>();
        Services.AddScoped(sp => new CurrentActor(sp.GetRequiredService<AuthenticationStateProvider>(), Host.Get<IDbContextFactory<HelpdeskDbContext>>()));
        _authorization = AddAuthorization();
    }

    [Theory]
    [InlineData(ConsoleRoles.Agent, true)]
    [InlineData(ConsoleRoles.Supervisor, true)]
    [InlineData(ConsoleRoles.Administrator, true)]
    [InlineData(null, false)]
    public async Task TicketPresence_ByRole_JoinsOnlyAConsoleLogin(string? role, bool joins)
    {
        var rita = await Host.AddPersonAsync("Rita Login", "rita@helpdesk.test");
        await using (var db = await Host.DbAsync())
        {
            db.Add(new HelpdeskUser { Id = "user-rita", UserName = "rita@helpdesk.test", PersonId = rita.Id });
            await db.SaveChangesAsync();
        }
        _authorization.SetAuthorized("rita@helpdesk.test")
            .SetClaims([new Claim(ClaimTypes.NameIdentifier, "user-rita"), .. role is null ? Array.Empty<Claim>() : [new Claim(ClaimTypes.Role, role)]]);
        // Known before the first render, so the component decides during it and "did not join" is not just "not yet".
        await Services.GetRequiredService<CurrentActor>().GetAsync();
        var registry = Services.GetRequiredService<TicketPresenceRegistry>();
        using var ann = registry.Join(TicketId, 1, "Ann Agent", () => Task.CompletedTask);

        var cut = Render<TicketPresence>(p => p.Add(c => c.TicketId, TicketId));

        cut.WaitForAssertion(() => Assert.Equal(joins ? ["Ann Agent", "Rita Login"] : ["Ann Agent"], registry.Viewers(TicketId).Select(v => v.Name)));
        Assert.Equal(joins ? 1 : 0, cut.FindAll("[data-testid=presence-viewer]").Count);
    }
}
