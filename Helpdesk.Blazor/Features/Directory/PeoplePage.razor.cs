using Helpdesk.Blazor.Components.Shared;
using Helpdesk.Core.Organizations;
using Helpdesk.Core.People;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Helpdesk.Blazor.Features.Directory;

public sealed partial class PeoplePage
{
    private const int PageSize = 25;
    private static IReadOnlyList<PersonRoles> EditableRoles => PersonRolesLabels.Each;

    private PersonPage _page = new([], 0);
    private IReadOnlyList<OrganizationRow> _organizations = [];
    private string? _search;
    private int _pageIndex;
    private PersonForm? _form;
    private readonly FormErrors _errors = new(new Dictionary<string, string> { ["name"] = "Name", ["primaryEmail"] = "Primary email", ["otherEmails"] = "Other emails", ["organization"] = "Organization" });

    [Inject] private PersonListQuery Query { get; set; } = default!;
    [Inject] private OrganizationListQuery Organizations { get; set; } = default!;
    [Inject] private SavePersonCommand Save { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _organizations = await Organizations.ExecuteAsync();
        await LoadAsync();
    }

    private async Task LoadAsync() => _page = await Query.ExecuteAsync(_search, _pageIndex, PageSize);

    private Task SearchChanged(string? text)
    {
        _search = text;
        _pageIndex = 0;
        return LoadAsync();
    }

    private Task PreviousAsync() { _pageIndex--; return LoadAsync(); }

    private Task NextAsync() { _pageIndex++; return LoadAsync(); }

    private void New() => Open(new PersonForm());

    private void Edit(PersonRow p) => Open(new PersonForm
    {
        Id = p.Id, Name = p.Name, PrimaryEmail = p.PrimaryEmail, OtherEmails = string.Join(", ", p.OtherEmails),
        OrganizationId = p.OrganizationId, Roles = p.Roles, IsActive = p.IsActive,
    });

    private void Open(PersonForm form)
    {
        _form = form;
        _errors.Clear();
    }

    private void ToggleRole(PersonRoles role, bool on) => _form!.Roles = on ? _form.Roles | role : _form.Roles & ~role;

    private async Task SaveAsync()
    {
        var f = _form!;
        var saved = await _errors.RunAsync(() => Save.ExecuteAsync(new PersonInput(f.Id, f.Name, f.PrimaryEmail,
            f.OtherEmails.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries), f.OrganizationId, f.Roles, f.IsActive)));
        if (!saved) return;
        _form = null;
        Snackbar.Add("Saved.", Severity.Success);
        await LoadAsync();
    }

    private string? ErrorFor(string field) => _errors.For(field);

    private sealed class PersonForm
    {
        public int? Id { get; init; }
        public string Name { get; set; } = "";
        public string PrimaryEmail { get; set; } = "";
        public string OtherEmails { get; set; } = "";
        public int? OrganizationId { get; set; }
        public PersonRoles Roles { get; set; } = PersonRoles.EndUser;
        public bool IsActive { get; set; } = true;
    }
}
