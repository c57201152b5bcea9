using System.Collections.Immutable;
using Helpdesk.Blazor.Features.Tickets.Store;
using Helpdesk.Blazor.Flux;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.AspNetCore.Components;

namespace Helpdesk.Blazor.Features.Tickets;

public sealed partial class TicketHeaderEditor
{
    private TicketHeaderForm _form = new();
    private TicketLookups _lookups = TicketLookups.Empty;
    private TicketDetails? _baseline;

    [Parameter, EditorRequired] public TicketDetails Ticket { get; set; } = default!;
    [Parameter] public bool IsSaving { get; set; }
    [Parameter] public string? SaveError { get; set; }
    [Parameter] public bool SaveConflict { get; set; }
    [Parameter] public ImmutableDictionary<string, string> FieldErrors { get; set; } = ImmutableDictionary<string, string>.Empty;
    [Parameter] public EventCallback<TicketFieldsUpdate> OnSave { get; set; }

    [Inject] private TicketLookupsQuery LookupsQuery { get; set; } = default!;
    [Inject] private IDispatcher Dispatcher { get; set; } = default!;

    protected override async Task OnInitializedAsync() => _lookups = await LookupsQuery.ExecuteAsync();

    protected override void OnParametersSet()
    {
        // Take the stored values when the ticket is first shown or changed elsewhere, unless the agent has unsaved
        // edits: those stay in the form, and saving them reports the conflict instead of overwriting anything.
        var sameTicket = _baseline is not null && _baseline.Id == Ticket.Id;
        if (sameTicket && (_baseline!.Version == Ticket.Version || (_form.DiffersFrom(_baseline) && _form.DiffersFrom(Ticket))))
            return;
        _form = TicketHeaderForm.From(Ticket);
        _baseline = Ticket;
    }

    private bool HasChanges => _baseline is not null && _form.DiffersFrom(_baseline);

    private Task SaveAsync() => OnSave.InvokeAsync(_form.ToUpdate());

    private void DiscardAndReload()
    {
        _baseline = null;
        Dispatcher.Dispatch(new LoadTicketAction(Ticket.Id));
    }

    private bool HasError(string field) => FieldErrors.ContainsKey(field);

    private string? ErrorFor(string field) => FieldErrors.GetValueOrDefault(field);
}
