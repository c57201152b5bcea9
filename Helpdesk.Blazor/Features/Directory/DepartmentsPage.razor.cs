using Helpdesk.Blazor.Components.Shared;
using Helpdesk.Core.Correspondence;
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
    private readonly FormErrors _errors = new(new Dictionary<string, string> { ["name"] = "Name", ["manager"] = "Manager", ["members"] = "Members" });

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

    private void Edit(DepartmentRow d) => Open(new DepartmentForm
    {
        Id = d.Id, Name = d.Name, ManagerId = d.ManagerId, MemberIds = [.. d.MemberIds], AutorespondersDisabled = d.AutorespondersDisabled,
        AlertsDisabled = d.AlertsDisabled, Recipients = d.Recipients,
        DisabledRecipients = [.. (d.DisabledAlertRecipients ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(r => Enum.TryParse<AlertRecipient>(r, out var v) ? v : (AlertRecipient?)null).OfType<AlertRecipient>()],
    });

    private void ToggleRecipient(AlertRecipient recipient, bool enabled)
    {
        if (enabled) _form!.DisabledRecipients.Remove(recipient);
        else _form!.DisabledRecipients.Add(recipient);
    }

    private void Open(DepartmentForm form)
    {
        _form = form;
        _errors.Clear();
    }

    private void Toggle(int id, bool on)
    {
        if (on) _form!.MemberIds.Add(id);
        else _form!.MemberIds.Remove(id);
    }

    private Task SaveAsync() => RunAsync(async () =>
    {
        var f = _form!;
        await Save.ExecuteAsync(new DepartmentInput(f.Id, f.Name, f.ManagerId, [.. f.MemberIds])
        {
            AutorespondersDisabled = f.AutorespondersDisabled, AlertsDisabled = f.AlertsDisabled,
            DisabledAlertRecipients = [.. f.DisabledRecipients], Recipients = f.Recipients,
        });
        _form = null;
    });

    private Task DeleteAsync(int id) => RunAsync(() => Delete.ExecuteAsync(id));

    private async Task RunAsync(Func<Task> work)
    {
        if (!await _errors.RunAsync(work)) return;
        Snackbar.Add("Done.", Severity.Success);
        _departments = await Query.ExecuteAsync();
    }

    private string? ErrorFor(string field) => _errors.For(field);

    private sealed class DepartmentForm
    {
        public int? Id { get; init; }
        public string Name { get; set; } = "";
        public int? ManagerId { get; set; }
        public HashSet<int> MemberIds { get; init; } = [];
        public bool AutorespondersDisabled { get; set; }
        public bool AlertsDisabled { get; set; }
        public DepartmentRecipients Recipients { get; set; }
        public HashSet<AlertRecipient> DisabledRecipients { get; init; } = [];
    }
}
