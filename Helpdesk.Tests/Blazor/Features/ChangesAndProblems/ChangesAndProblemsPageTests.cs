using Bunit;
using Helpdesk.Blazor.Features.ChangesAndProblems;
using Helpdesk.Core.ChangesAndProblems;
using Helpdesk.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Helpdesk.Tests.Blazor.Features.ChangesAndProblems;

public sealed class ChangesAndProblemsPageTests : HelpdeskBunitContext
{
    [Fact]
    public async Task ChangesAndProblemsPage_NewChangeWithoutSubject_ShowsTheErrorThenSavesAndOpensIt()
    {
        var cut = Render<ChangesAndProblemsPage>();
        await cut.InvokeAsync(() => cut.Find("[data-testid=new-change]").Click());

        await cut.InvokeAsync(() => cut.Find("[data-testid=save-change-problem]").Click());
        cut.WaitForAssertion(() => Assert.Contains("A subject is required.", cut.Find("[data-testid=change-problem-editor]").TextContent));
        Assert.Empty(await Host.Get<ChangeOrProblemCommands>().ListAsync());

        var subject = cut.FindComponents<MudTextField<string>>().Single(f => f.Instance.Label == "Subject");
        await cut.InvokeAsync(() => subject.Instance.ValueChanged.InvokeAsync("Replace core switch"));
        await cut.InvokeAsync(() => cut.Find("[data-testid=save-change-problem]").Click());

        var saved = Assert.Single(await Host.Get<ChangeOrProblemCommands>().ListAsync());
        Assert.Equal((ChangeOrProblemKind.Change, "Replace core switch"), (saved.Kind, saved.Subject));
        Assert.EndsWith($"/changes-and-problems/{saved.Id}", Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri);
    }

    [Fact]
    public async Task ChangesAndProblemsPage_OpenedById_ShowsTheProblemInTheEditorAndItsTab()
    {
        var id = await Host.Get<ChangeOrProblemCommands>().SaveAsync(new ChangeOrProblemInput(null, ChangeOrProblemKind.Problem, "Flapping ports", ChangeOrProblemStatus.InProgress, null, null));

        var cut = Render<ChangesAndProblemsPage>(p => p.Add(x => x.Id, id));

        cut.WaitForAssertion(() => Assert.Contains($"PR-{id}", cut.Find("[data-testid=change-problem-editor]").TextContent));
        Assert.Contains("Flapping ports", cut.Find("[data-testid=problems-table]").TextContent);
        Assert.Equal("Flapping ports", cut.Find("[data-testid=change-problem-editor] input").GetAttribute("value"));
    }

    [Fact]
    public void ChangesAndProblemsPage_UnknownId_SaysSoWithoutAnEditor()
    {
        var cut = Render<ChangesAndProblemsPage>(p => p.Add(x => x.Id, 4711));

        cut.WaitForAssertion(() => Assert.Equal("There is no change or problem 4711.", cut.Find("[data-testid=change-problem-error]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=change-problem-editor]"));
    }
}
