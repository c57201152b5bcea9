using Helpdesk.Core.Common;
using Helpdesk.Core.Departments;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Helpdesk.Blazor.Features.Directory;

public sealed partial class DepartmentsPage
{
    private IReadOnlyList<DepartmentRow> _departments = [];
    private TicketLookups _lookups = TicketLookups.Empty;
    private DepartmentForm? _form;
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();
    private string? _error;

    [Inject] private DepartmentListQuery Query { get; set; } = default!;
    [Inject] private TicketLookupsQuery Lookups { get; set; } = default!;
    [Inject] private SaveDepartmentCommand Save { get; set; } = default!;
    [Inject] private DeleteDepartmentCommand Delete { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _lookups = await Lookups.ExecuteAsync();
        _departments = await Query.ExecuteAsync();
    }

    private void New() => Open(new DepartmentForm());

    private void Edit(DepartmentRow d) => Open(new DepartmentForm { Id = d.Id, Name = d.Name, ManagerId = d.ManagerId, MemberIds = [.. d.MemberIds] });

    private void Open(DepartmentForm form)
    {
        _form = form;
        _errors = new Dictionary<string, string>();
        _error = null;
    }

    private void Toggle(int id, bool on)
    {
        if (on) _form!.MemberIds.Add(id);
        else _form!.MemberIds.Remove(id);
    }

    private Task SaveAsync() => RunAsync(async () =>
    {
        var f = _form!;
        await Save.ExecuteAsync(new DepartmentInput(f.Id, f.Name, f.ManagerId, [.. f.MemberIds]));
        _form = null;
    });

    private Task DeleteAsync(int id) => RunAsync(() => Delete.ExecuteAsync(id));

    private async Task RunAsync(Func<Task> work)
    {
        try
        {
            await work();
            _errors = new Dictionary<string, string>();
            _error = null;
            Snackbar.Add("Done.", Severity.Success);
            _departments = await Query.ExecuteAsync();
        }
        catch (ValidationFailedException ex)
        {
            _errors = ex.Errors;
            _error = string.Join(" ", ex.Errors.Values);
        }
        catch (NotFoundException ex)
        {
            _error = ex.Message;
        }
    }

    private string? ErrorFor(string field) => _errors.GetValueOrDefault(field);

    private sealed class DepartmentForm
    {
        public int? Id { get; init; }
        public string Name { get; set; } = "";
        public int? ManagerId { get; set; }
        public HashSet<int> MemberIds { get; init; } = [];
    }
}
