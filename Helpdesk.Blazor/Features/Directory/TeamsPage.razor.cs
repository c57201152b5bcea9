using Helpdesk.Blazor.Components.Shared;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Teams;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace Helpdesk.Blazor.Features.Directory;

public sealed partial class TeamsPage
{
    private IReadOnlyList<TeamRow> _teams = [];
    private TicketLookups _lookups = TicketLookups.Empty;
    private TeamForm? _form;
    private readonly FormErrors _errors = new(new Dictionary<string, string> { ["name"] = "Name", ["inboundLocalPart"] = "Mail local part", ["members"] = "Members", ["department"] = "Default department", ["helpTopic"] = "Help topic of mailed tickets" });

    [Inject] private TeamListQuery Query { get; set; } = default!;
    [Inject] private TicketLookupsQuery Lookups { get; set; } = default!;
    [Inject] private SaveTeamCommand Save { get; set; } = default!;
    [Inject] private DeleteTeamCommand Delete { get; set; } = default!;
    [Inject] private IOptions<InboundMailOptions> Inbound { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private string AddressHint => $"Mail to {TeamAddress("<local part>")} creates requests for this team.";

    protected override async Task OnInitializedAsync()
    {
        _lookups = await Lookups.ExecuteAsync();
        _teams = await Query.ExecuteAsync();
    }

    private string TeamAddress(string localPart)
    {
        var account = Inbound.Value.AccountAddress;
        var at = account.IndexOf('@');
        return $"{localPart}.{account[..at]}{account[at..]}";
    }

    private void New() => Open(new TeamForm());

    private void Edit(TeamRow t) => Open(new TeamForm { Id = t.Id, Name = t.Name, InboundLocalPart = t.InboundLocalPart, LeadId = t.LeadId, DepartmentId = t.DepartmentId, DefaultHelpTopicId = t.DefaultHelpTopicId, MemberIds = [.. t.MemberIds] });

    private void Open(TeamForm form)
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
        await Save.ExecuteAsync(new TeamInput(f.Id, f.Name, f.InboundLocalPart, f.LeadId, [.. f.MemberIds], f.DepartmentId, f.DefaultHelpTopicId));
        _form = null;
    });

    private Task DeleteAsync(int id) => RunAsync(() => Delete.ExecuteAsync(id));

    private async Task RunAsync(Func<Task> work)
    {
        if (!await _errors.RunAsync(work)) return;
        Snackbar.Add("Done.", Severity.Success);
        _teams = await Query.ExecuteAsync();
    }

    private string? ErrorFor(string field) => _errors.For(field);

    private sealed class TeamForm
    {
        public int? Id { get; init; }
        public string Name { get; set; } = "";
        public string? InboundLocalPart { get; set; }
        public int? LeadId { get; set; }
        public int? DepartmentId { get; set; }
        public int? DefaultHelpTopicId { get; set; }
        public HashSet<int> MemberIds { get; init; } = [];
    }
}
