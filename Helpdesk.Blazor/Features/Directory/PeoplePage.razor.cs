using Helpdesk.Core.Common;
using Helpdesk.Core.Organizations;
using Helpdesk.Core.People;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Helpdesk.Blazor.Features.Directory;

public sealed partial class PeoplePage
{
    private const int PageSize = 25;
    private static readonly PersonRoles[] EditableRoles =
        [PersonRoles.EndUser, PersonRoles.Specialist, PersonRoles.ServiceDeskAnalyst, PersonRoles.Agent, PersonRoles.Supervisor, PersonRoles.Administrator];

    private PersonPage _page = new([], 0);
    private IReadOnlyList<OrganizationRow> _organizations = [];
    private string? _search;
    private int _pageIndex;
    private PersonForm? _form;
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();
    private string? _error;

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
        _errors = new Dictionary<string, string>();
        _error = null;
    }

    private void ToggleRole(PersonRoles role, bool on) => _form!.Roles = on ? _form.Roles | role : _form.Roles & ~role;

    private async Task SaveAsync()
    {
        var f = _form!;
        try
        {
            await Save.ExecuteAsync(new PersonInput(f.Id, f.Name, f.PrimaryEmail,
                f.OtherEmails.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries), f.OrganizationId, f.Roles, f.IsActive));
            _form = null;
            Snackbar.Add("Saved.", Severity.Success);
            await LoadAsync();
        }
        catch (ValidationFailedException ex)
        {
            _errors = ex.Errors;
            _error = "Not saved: " + string.Join(" ", ex.Errors.Values);
        }
        catch (NotFoundException ex)
        {
            _error = ex.Message;
        }
    }

    private string? ErrorFor(string field) => _errors.GetValueOrDefault(field);

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
