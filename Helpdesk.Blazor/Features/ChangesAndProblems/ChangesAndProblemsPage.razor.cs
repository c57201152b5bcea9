using Helpdesk.Blazor.Components.Shared;
using Helpdesk.Core.ChangesAndProblems;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.AspNetCore.Components;

namespace Helpdesk.Blazor.Features.ChangesAndProblems;

public sealed partial class ChangesAndProblemsPage
{
    private IReadOnlyList<ChangeOrProblemRow> _records = [];
    private TicketLookups _lookups = TicketLookups.Empty;
    private readonly FormErrors _errors = new();
    private EditForm? _form;
    private int _tab;

    [Parameter] public int? Id { get; set; }

    [Inject] private ChangeOrProblemCommands Records { get; set; } = default!;
    [Inject] private TicketLookupsQuery Lookups { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnInitializedAsync() => _lookups = await Lookups.ExecuteAsync();

    protected override async Task OnParametersSetAsync()
    {
        _records = await Records.ListAsync();
        _errors.Clear();
        _form = null;
        if (Id is not { } id) return;
        if (_records.FirstOrDefault(r => r.Id == id) is not { } open)
        {
            await _errors.RunAsync(() => throw new Core.Common.NotFoundException($"There is no change or problem {id}."));
            return;
        }
        _form = new EditForm { Id = open.Id, Kind = open.Kind, Subject = open.Subject, Status = open.Status, ManagerId = open.ManagerId, TeamId = open.TeamId };
        _tab = (int)open.Kind;
    }

    private void New(ChangeOrProblemKind kind)
    {
        _errors.Clear();
        _form = new EditForm { Kind = kind };
    }

    private async Task SaveAsync()
    {
        var form = _form!;
        var id = 0;
        if (!await _errors.RunAsync(async () => id = await Records.SaveAsync(new ChangeOrProblemInput(form.Id, form.Kind, form.Subject ?? "", form.Status, form.ManagerId, form.TeamId))))
            return;
        if (form.Id is null) Navigation.NavigateTo($"/changes-and-problems/{id}");
        else _records = await Records.ListAsync();
    }

    private sealed class EditForm
    {
        public int? Id { get; init; }
        public ChangeOrProblemKind Kind { get; init; }
        public string? Subject { get; set; }
        public ChangeOrProblemStatus Status { get; set; }
        public int? ManagerId { get; set; }
        public int? TeamId { get; set; }
    }
}
