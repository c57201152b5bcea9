using Helpdesk.Blazor.Components.Shared;
using Helpdesk.Core.Organizations;
using Helpdesk.Core.ServiceCatalog;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.AspNetCore.Components;

namespace Helpdesk.Blazor.Features.ServiceCatalog;

/// <summary>Lists the support agreements and adds or edits one (name, customer organization, service desk team).</summary>
public sealed partial class SupportAgreementsSection
{
    private IReadOnlyList<SupportAgreementRow> _agreements = [];
    private IReadOnlyList<OrganizationRow> _organizations = [];
    private readonly FormErrors _errors = new(new Dictionary<string, string> { ["name"] = "Name", ["customer"] = "Customer organization" });
    private AgreementForm _form = new();

    [Parameter, EditorRequired] public IReadOnlyList<NamedRef> Teams { get; set; } = [];
    [Parameter] public IReadOnlyList<NamedRef> SlaPlans { get; set; } = [];

    [Inject] private SupportAgreementListQuery Agreements { get; set; } = default!;
    [Inject] private SaveSupportAgreementCommand Save { get; set; } = default!;
    [Inject] private OrganizationListQuery Organizations { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _organizations = await Organizations.ExecuteAsync();
        _agreements = await Agreements.ExecuteAsync();
    }

    private void Edit(SupportAgreementRow row) =>
        _form = new AgreementForm { Id = row.Id, Name = row.Name, Customer = row.CustomerOrganizationId, Team = row.ServiceDeskTeamId, SlaPlan = row.SlaPlanId };

    private async Task SaveAsync()
    {
        if (await _errors.RunAsync(() => Save.ExecuteAsync(new SupportAgreementInput(_form.Id, _form.Name ?? "", _form.Customer, _form.Team, _form.SlaPlan))))
        {
            _form = new();
            _agreements = await Agreements.ExecuteAsync();
        }
    }

    private sealed class AgreementForm
    {
        public int? Id { get; set; }
        public string? Name { get; set; }
        public int? Customer { get; set; }
        public int? Team { get; set; }
        public int? SlaPlan { get; set; }
    }
}
