using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Helpdesk.Blazor.Features.Shell;
using Helpdesk.Blazor.Features.Tickets;
using Helpdesk.Blazor.Features.Tickets.Presence;
using Helpdesk.Core.Accounts;
using Helpdesk.Core.Common;
using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Contacts;
using Helpdesk.Tests.TestSupport;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Blazor.Features.Tickets;

/// <summary>The ticket page asks Core for the ticket as the logged-in actor: a login that may not see it gets a sentence, not data.</summary>
public sealed class TicketDetailsPageAccessTests : HelpdeskBunitContext
{
    private const string UserId = "user-rita";

    private BunitAuthorizationContext _authorization = default!;

    protected override void ConfigureServices()
    {
        Services.AddSingleton(_ => Host.Get<TicketContactsQuery>());
        Services.AddSingleton<TicketPresenceRegistry>();
        Services.AddScoped(sp => new CurrentActor(sp.GetRequiredService<AuthenticationStateProvider>(), Host.Get<IDbContextFactory<HelpdeskDbContext>>()));
        _authorization = AddAuthorization();
    }

    private async Task<int> ArrangeAsync(params string[] roles)
    {
        _authorization.SetAuthorized("rita@helpdesk.test")
            .SetClaims([new Claim(ClaimTypes.NameIdentifier, UserId), .. roles.Select(r => new Claim(ClaimTypes.Role, r))]);
        var rita = await Host.AddPersonAsync("Rita Login", "rita@helpdesk.test");
        var caller = await Host.AddPersonAsync("Carl Caller", "carl@customer.test");
        await using (var db = await Host.DbAsync())
        {
            db.Add(new HelpdeskUser { Id = UserId, UserName = "rita@helpdesk.test", PersonId = rita.Id });
            await db.SaveChangesAsync();
        }
        return await Host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "Salary list", RequestedForId = caller.Id }, Actor.System);
    }

    [Fact]
    public async Task TicketDetailsPage_LoginWithoutConsoleRole_SaysItMayNotSeeTheTicketAndShowsNoneOfIt()
    {
        var id = await ArrangeAsync();

        var cut = Render<TicketDetailsPage>(p => p.Add(c => c.Id, id));

        cut.WaitForAssertion(() => Assert.Equal($"You may not see ticket {TicketNumber.Format(id)}.", cut.Find("[data-testid=ticket-load-error]").TextContent.Trim()));
        Assert.DoesNotContain("Salary list", cut.Markup);
    }

    [Fact]
    public async Task TicketDetailsPage_AgentLogin_ShowsTheTicket()
    {
        var id = await ArrangeAsync(ConsoleRoles.Agent);

        var cut = Render<TicketDetailsPage>(p => p.Add(c => c.Id, id));

        cut.WaitForAssertion(() => Assert.Contains("Salary list", cut.Find("[data-testid=ticket-title]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=ticket-load-error]"));
    }
}
