using Bunit;
using Helpdesk.Blazor.Components.Layout;
using Helpdesk.Blazor.Features.Tickets.Views;
using Helpdesk.Core.SharedState;
using Helpdesk.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Blazor.Components.Layout;

public sealed class NavMenuTests : HelpdeskBunitContext
{
    protected override void ConfigureServices()
    {
        LogInAsAgent("ann@helpdesk.test", "user-ann");
        Services.AddSingleton(_ => new TicketViewsChanged(Host.Get<SettingsChanges>())); // for the views' links, as the console has it
    }

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private static string? Current(IRenderedComponent<NavMenu> cut) =>
        string.Join(",", cut.FindAll("a[aria-current=page]").Select(a => a.GetAttribute("href")));

    [Fact]
    public void NavMenu_AdministratorMovesBetweenPages_TheLinkOfThePageShownIsCurrent()
    {
        Navigation.NavigateTo("/admin/people");
        var cut = Render<NavMenu>(p => p.Add(n => n.Administrator, true));
        Assert.Equal("/admin/people", Current(cut));
        Assert.Contains("active", cut.Find("a[href='/admin/people']").ClassName);
        Assert.Equal("Ticket views", cut.Find("[data-testid=nav-admin-views] .mud-nav-link-text").TextContent);

        cut.InvokeAsync(() => Navigation.NavigateTo("/admin/teams"));

        cut.WaitForAssertion(() => Assert.Equal("/admin/teams", Current(cut)));
        Assert.DoesNotContain("active", cut.Find("a[href='/admin/people']").ClassName);
    }

    [Fact]
    public void NavMenu_FixedLink_IsTheMarkupOfTheLinkTheViewsUse()
    {
        // The fixed links are built as text, the views' links (with their counts) as a render fragment: one markup.
        Navigation.NavigateTo("/tickets/new");
        var menu = Render<NavMenu>();
        var fragment = Render(NavMenu.Link("/tickets/new", MudBlazor.Icons.Material.Filled.Add, text => text.AddContent(0, "New ticket"), true, "nav-new-ticket"));

        menu.Find("[data-testid=nav-new-ticket]").ParentElement!.MarkupMatches(fragment.Markup);
        Assert.Equal("page", menu.Find("[data-testid=nav-new-ticket]").GetAttribute("aria-current"));
    }

    [Fact]
    public void NavMenu_TwoOpenPages_ShareEachFixedLinksMarkupAndKeepFewFrames()
    {
        Navigation.NavigateTo("/admin/people");
        var first = Render<NavMenu>(p => p.Add(n => n.Administrator, true));
        var second = Render<NavMenu>(p => p.Add(n => n.Administrator, true));

        // Each fixed link is one block built once (per state) for every page, not about twenty frames in each page's
        // two buffers: an administrator's menu fits in 128 frames, where it took 512.
        var (firstLinks, secondLinks) = (RenderTreeFrames.Markup(this, first), RenderTreeFrames.Markup(this, second));
        var people = Assert.Single(firstLinks, m => m.Contains("href=\"/admin/people\""));
        Assert.Same(people, Assert.Single(secondLinks, m => m.Contains("href=\"/admin/people\"")));
        Assert.Equal(16, firstLinks.Count(m => m.Contains("class=\"mud-nav-item\"")));
        Assert.InRange(RenderTreeFrames.Count(this, first), 1, 128);
    }
}
