using Bunit;
using Helpdesk.Blazor.Features.Notifications;
using Helpdesk.Core.Notifications.Oql;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.TestSupport;
using MudBlazor;
using MudBlazor.Extensions;

namespace Helpdesk.Tests.Blazor.Features.Notifications;

public sealed class RecipientQueryFieldTests : HelpdeskBunitContext
{
    private const string SeedQuery = "SELECT Person WHERE id = :this->caller_id";
    private string? _value = SeedQuery;

    // Plays the page's @bind-Value: every change comes back as the new Value.
    private IRenderedComponent<RecipientQueryField> RenderField()
    {
        IRenderedComponent<RecipientQueryField>? cut = null;
        cut = Render<RecipientQueryField>(p => p
            .Add(f => f.Label, "To").Add(f => f.TestId, "action-to").Add(f => f.Value, _value)
            .Add(f => f.ValueChanged, (string? v) =>
            {
                _value = v;
                cut!.Render(q => q.Add(f => f.Value, v));
            }));
        return cut;
    }

    private static MudCheckBox<bool> Box(IRenderedComponent<RecipientQueryField> cut, RecipientKind kind) =>
        cut.FindComponents<MudCheckBox<bool>>().Single(c => Equals(c.Instance.UserAttributes.GetValueOrDefault("data-testid"), $"action-to-{kind}")).Instance;

    [Fact]
    public async Task RecipientQueryField_PicksAdded_WritesAQueryTheParserAccepts()
    {
        var bob = await Host.AddPersonAsync("Bob Boss", "bob@customer.test");
        var cut = RenderField();
        Assert.True(Box(cut, RecipientKind.Requester).GetState(x => x.Value));

        await cut.InvokeAsync(() => Box(cut, RecipientKind.TeamMembers).ValueChanged.InvokeAsync(true));
        await cut.InvokeAsync(() => cut.FindComponent<MudAutocomplete<PersonRef>>().Instance.ValueChanged.InvokeAsync(new PersonRef(bob.Id, bob.Name, bob.PrimaryEmail)));

        Assert.Equal("SELECT Person WHERE id = :this->caller_id OR team_id = :this->team_id OR email = 'bob@customer.test'", _value);
        PersonQueryCompiler.Validate(_value!);
        cut.WaitForAssertion(() => Assert.Equal("bob@customer.test", cut.Find("[data-testid=action-to-person]").TextContent.Trim()));
        Assert.True(Box(cut, RecipientKind.TeamMembers).GetState(x => x.Value));
    }

    [Fact]
    public async Task RecipientQueryField_QueryWrittenByHand_StaysUntilAPickReplacesIt()
    {
        _value = "SELECT Person WHERE org_id = :this->org_id";
        var cut = RenderField();

        Assert.NotNull(cut.Find("[data-testid=action-to-by-hand]"));
        Assert.Equal("SELECT Person WHERE org_id = :this->org_id", cut.Find("input[data-testid=action-to]").GetAttribute("value"));
        Assert.False(Box(cut, RecipientKind.Requester).GetState(x => x.Value));

        await cut.InvokeAsync(() => Box(cut, RecipientKind.AssignedAgent).ValueChanged.InvokeAsync(true));

        Assert.Equal("SELECT Person WHERE id = :this->agent_id", _value);
        Assert.Empty(cut.FindAll("[data-testid=action-to-by-hand]"));
    }

    [Fact]
    public async Task RecipientQueryField_LastPickRemoved_LeavesNoQuery()
    {
        var cut = RenderField();

        await cut.InvokeAsync(() => Box(cut, RecipientKind.Requester).ValueChanged.InvokeAsync(false));

        Assert.Null(_value);
        Assert.Empty(cut.FindAll("[data-testid=action-to-by-hand]"));
    }
}
