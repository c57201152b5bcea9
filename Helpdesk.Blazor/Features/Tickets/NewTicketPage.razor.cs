using Helpdesk.Blazor.Features.Shell;
using Helpdesk.Core.Common;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.AspNetCore.Components;

namespace Helpdesk.Blazor.Features.Tickets;

public sealed partial class NewTicketPage
{
    private readonly NewTicketForm _form = new();
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();
    private TicketLookups _lookups = TicketLookups.Empty;
    private string? _error;
    private bool _saving;

    [Inject] private CreateTicketCommand Create { get; set; } = default!;
    [Inject] private TicketLookupsQuery LookupsQuery { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ILogger<NewTicketPage> Logger { get; set; } = default!;

    protected override async Task OnInitializedAsync() => _lookups = await LookupsQuery.ExecuteAsync();

    private async Task CreateAsync()
    {
        _saving = true;
        _error = null;
        _errors = new Dictionary<string, string>();
        try
        {
            var id = await Create.ExecuteAsync(new NewTicket
            {
                Subject = _form.Subject,
                RequestedForId = _form.RequestedFor?.Id ?? 0,
                Description = _form.Description,
                Category = _form.Category,
                Impact = _form.Impact,
                TeamId = _form.TeamId,
                MemberId = _form.MemberId,
                DepartmentId = _form.DepartmentId,
                HelpTopicId = _form.HelpTopicId,
            }, await CurrentActor.GetAsync());
            Navigation.NavigateTo($"/tickets/{id}");
        }
        catch (ValidationFailedException ex)
        {
            _errors = _form.RequestedFor is null
                ? new Dictionary<string, string>(ex.Errors) { [TicketFields.RequestedFor] = "Choose who the ticket is for." }
                : ex.Errors;
            _error = "The ticket was not created: " + string.Join(" ", _errors.Values);
        }
        catch (AccessDeniedException ex)
        {
            _error = ex.Message;
        }
        catch (Exception ex)
        {
            Logger.LogError(ex, "Creating a ticket failed");
            _error = "The ticket could not be created. Your input is still here; try again.";
        }
        finally
        {
            _saving = false;
        }
    }

    private sealed class NewTicketForm
    {
        public string Subject { get; set; } = "";
        public PersonRef? RequestedFor { get; set; }
        public string? Description { get; set; }
        public TicketCategory Category { get; set; } = TicketCategory.Incident;
        public TicketImpact? Impact { get; set; }
        public int? TeamId { get; set; }
        public int? MemberId { get; set; }
        public int? DepartmentId { get; set; }
        public int? HelpTopicId { get; set; }
    }
}
