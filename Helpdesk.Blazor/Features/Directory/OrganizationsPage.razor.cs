using Helpdesk.Core.Common;
using Helpdesk.Core.Organizations;
using Microsoft.AspNetCore.Components;

namespace Helpdesk.Blazor.Features.Directory;

public sealed partial class OrganizationsPage
{
    private IReadOnlyList<OrganizationRow> _organizations = [];
    private int? _editingId;
    private string _name = "";
    private bool _isSupplier;
    private string? _error;

    [Inject] private OrganizationListQuery Query { get; set; } = default!;
    [Inject] private SaveOrganizationCommand Save { get; set; } = default!;

    protected override async Task OnInitializedAsync() => _organizations = await Query.ExecuteAsync();

    private void Edit(OrganizationRow o)
    {
        _editingId = o.Id;
        _name = o.Name;
        _isSupplier = o.IsSupplier;
        _error = null;
    }

    private void Reset()
    {
        _editingId = null;
        _name = "";
        _isSupplier = false;
        _error = null;
    }

    private async Task SaveAsync()
    {
        try
        {
            await Save.ExecuteAsync(_editingId, _name, _isSupplier);
            Reset();
            _organizations = await Query.ExecuteAsync();
        }
        catch (Exception ex) when (ex is ValidationFailedException or NotFoundException)
        {
            _error = ex.Message;
        }
    }
}
