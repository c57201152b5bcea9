using System.Security.Claims;
using Bunit;
using Helpdesk.Blazor.Components.Shared;
using Helpdesk.Blazor.Features.Shell;
using Helpdesk.Blazor.Features.Tickets;
using Helpdesk.Core.Accounts;
using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Departments;
using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Helpdesk.Tests.Blazor.Features.Tickets;

public sealed class NewTicketPageTests : HelpdeskBunitContext
{
    protected override void ConfigureServices()
    {
        Services.AddScoped(sp => new CurrentActor(sp.GetRequiredService<AuthenticationStateProvider>(), Host.Get<IDbContextFactory<HelpdeskDbContext>>()));
        AddAuthorization().SetAuthorized("ann@helpdesk.test").SetClaims(new Claim(ClaimTypes.NameIdentifier, "user-ann"), new Claim(ClaimTypes.Role, ConsoleRoles.Agent));
    }

    private async Task<(PersonRef Caller, int DepartmentId, int HelpTopicId)> ArrangeAsync()
    {
        var agent = await Host.AddPersonAsync("Ann Agent", "ann@helpdesk.test", PersonRoles.Agent);
        var caller = await Host.AddPersonAsync("Carl Caller", "carl@customer.test");
        var department = new Department { Name = "Facilities" };
        var topic = new HelpTopic { Name = "Printers" };
        await using (var db = await Host.DbAsync())
        {
            db.AddRange(department, topic, new HelpdeskUser { Id = "user-ann", UserName = "ann@helpdesk.test", PersonId = agent.Id });
            await db.SaveChangesAsync();
        }
        return (new PersonRef(caller.Id, caller.Name, caller.PrimaryEmail), department.Id, topic.Id);
    }

    private static MudSelect<int?> Select(IRenderedComponent<NewTicketPage> cut, string label) =>
        cut.FindComponents<MudSelect<int?>>().Single(s => s.Instance.Label == label).Instance;

    [Fact]
    public async Task NewTicketPage_DepartmentAndHelpTopicChosen_CreatesTicketWithBoth()
    {
        var (caller, departmentId, topicId) = await ArrangeAsync();
        var cut = Render<NewTicketPage>();
        cut.WaitForAssertion(() => Assert.Contains(cut.FindComponents<MudSelect<int?>>(), s => s.Instance.Label == "Help topic"));

        await cut.InvokeAsync(() => cut.FindComponent<MudTextField<string>>().Instance.ValueChanged.InvokeAsync("Printer jams"));
        await cut.InvokeAsync(() => cut.FindComponent<PersonPicker>().Instance.ValueChanged.InvokeAsync(caller));
        await cut.InvokeAsync(() => Select(cut, "Department").ValueChanged.InvokeAsync(departmentId));
        await cut.InvokeAsync(() => Select(cut, "Help topic").ValueChanged.InvokeAsync(topicId));
        await cut.InvokeAsync(() => cut.Find("[data-testid=create-ticket]").Click());

        cut.WaitForAssertion(() => Assert.Matches(@"/tickets/\d+$", Services.GetRequiredService<NavigationManager>().Uri));
        await using var db = await Host.DbAsync();
        var ticket = await db.Set<Ticket>().SingleAsync();
        Assert.Equal(("Printer jams", departmentId, topicId), (ticket.Subject, ticket.DepartmentId, ticket.HelpTopicId));
    }
}
