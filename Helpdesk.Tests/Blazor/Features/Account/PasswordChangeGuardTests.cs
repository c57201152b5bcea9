using System.Security.Claims;
using Bunit;
using Helpdesk.Blazor.Features.Account;
using Helpdesk.Core.Accounts;
using Helpdesk.Core.People;
using Helpdesk.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Blazor.Features.Account;

[Trait("Category", "Security")]
public sealed class PasswordChangeGuardTests : HelpdeskBunitContext
{
    protected override void ConfigureServices() =>
        AddAuthorization().SetAuthorized("boss@helpdesk.test").SetClaims(
            new Claim(ClaimTypes.NameIdentifier, "user-boss"), new Claim(ConsoleClaimsPrincipalFactory.MustChangePasswordClaim, "true"));

    [Fact]
    public async Task PasswordChangeGuard_PasswordStillToChange_HidesThePageAndGoesToThePasswordPageUntilChanged()
    {
        var boss = await Host.AddPersonAsync("Boss", "boss@helpdesk.test", PersonRoles.Administrator);
        await using (var db = await Host.DbAsync())
        {
            db.Add(new HelpdeskUser { Id = "user-boss", UserName = "boss@helpdesk.test", PersonId = boss.Id, MustChangePassword = true });
            await db.SaveChangesAsync();
        }
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/tickets");

        var cut = Render<PasswordChangeGuard>(p => p.AddChildContent("<p data-testid=\"page\">tickets</p>"));

        cut.WaitForAssertion(() => Assert.EndsWith("/account/password", navigation.Uri));
        Assert.Empty(cut.FindAll("[data-testid=page]"));
        await using (var db = await Host.DbAsync())
            await db.Set<HelpdeskUser>().ExecuteUpdateAsync(s => s.SetProperty(u => u.MustChangePassword, false));
        navigation.NavigateTo("/tickets");
        cut.Render(p => p.AddChildContent("<p data-testid=\"page\">tickets</p>"));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=page]")));
    }
}
