using Helpdesk.Blazor.Components.Shared;
using Helpdesk.Core.ServiceCatalog;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.AspNetCore.Components;

namespace Helpdesk.Blazor.Features.ServiceCatalog;

public sealed partial class ServiceCatalogPage
{
    private ServiceCatalogView _view = new([], [], []);
    private TicketLookups _lookups = TicketLookups.Empty;
    private readonly FormErrors _errors = new();
    private ServiceForm _service = new();
    private CiForm _ci = new();
    private TemplateForm _template = new();

    [Inject] private ServiceCatalogCommands Catalog { get; set; } = default!;
    [Inject] private TicketLookupsQuery Lookups { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _lookups = await Lookups.ExecuteAsync();
        _view = await Catalog.ViewAsync();
    }

    private string? TeamName(int? id) => _lookups.Teams.FirstOrDefault(t => t.Id == id)?.Name;

    private string? AgentName(int? id) => id is null ? null : _lookups.Agents.FirstOrDefault(a => a.Id == id)?.Name ?? $"#{id}";

    private string? PlanName(int? id) => _lookups.SlaPlans.FirstOrDefault(p => p.Id == id)?.Name;

    private string? ServiceName(int? id) => _view.ServiceInstances.FirstOrDefault(s => s.Id == id)?.Name;

    private Task AddServiceAsync() => RunAsync(async () =>
    {
        await Catalog.SaveServiceInstanceAsync(new ServiceInstanceInput(null, _service.Name ?? "", _service.FirstLine, _service.Support, _service.SlaPlan));
        _service = new();
    });

    private Task AddCiAsync() => RunAsync(async () =>
    {
        await Catalog.SaveConfigurationItemAsync(new ConfigurationItemInput(null, _ci.Label ?? "", _ci.Name, _ci.Source, _ci.SourceId, _ci.Service));
        _ci = new();
    });

    private Task AddTemplateAsync() => RunAsync(async () =>
    {
        await Catalog.SaveTemplateAsync(new RequestTemplateInput(null, _template.Name ?? "", _template.Subject, null, _template.Category, null, _template.Team, null, _template.ChangeManager?.Id));
        _template = new();
    });

    private async Task RunAsync(Func<Task> work)
    {
        if (await _errors.RunAsync(work)) _view = await Catalog.ViewAsync();
    }

    private sealed class ServiceForm
    {
        public string? Name { get; set; }
        public int? FirstLine { get; set; }
        public int? Support { get; set; }
        public int? SlaPlan { get; set; }
    }

    private sealed class CiForm
    {
        public string? Label { get; set; }
        public string? Name { get; set; }
        public string? Source { get; set; }
        public string? SourceId { get; set; }
        public int? Service { get; set; }
    }

    private sealed class TemplateForm
    {
        public string? Name { get; set; }
        public string? Subject { get; set; }
        public TicketCategory? Category { get; set; }
        public int? Team { get; set; }
        public PersonRef? ChangeManager { get; set; }
    }
}
