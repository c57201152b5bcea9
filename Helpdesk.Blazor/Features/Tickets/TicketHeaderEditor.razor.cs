using System.Collections.Immutable;
using Helpdesk.Blazor.Features.Tickets.Conflicts;
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
    private IReadOnlyList<FieldConflict> _conflicts = [];

    [Parameter, EditorRequired] public TicketDetails Ticket { get; set; } = default!;
    [Parameter] public bool IsSaving { get; set; }
    [Parameter] public string? SaveError { get; set; }
    [Parameter] public bool SaveConflict { get; set; }
    [Parameter] public ImmutableDictionary<string, string> FieldErrors { get; set; } = ImmutableDictionary<string, string>.Empty;
    [Parameter] public EventCallback<TicketFieldsUpdate> OnSave { get; set; }

    /// <summary>Raised when someone else's save conflicts with the agent's edits, so the page can show the editor.</summary>
    [Parameter] public EventCallback OnConflict { get; set; }

    [Inject] private TicketLookupsQuery LookupsQuery { get; set; } = default!;
    [Inject] private IDispatcher Dispatcher { get; set; } = default!;

    protected override async Task OnInitializedAsync() => _lookups = await LookupsQuery.ExecuteAsync();

    protected override async Task OnParametersSetAsync()
    {
        var sameTicket = _baseline is not null && _baseline.Id == Ticket.Id;
        if (sameTicket && _baseline!.Version == Ticket.Version) return;
        if (!sameTicket || !_form.DiffersFrom(_baseline!))
        {
            (_form, _baseline, _conflicts) = (TicketHeaderForm.From(Ticket), Ticket, []);
            return;
        }
        // Changed elsewhere while the agent has edits: take the other person's changes, keep the agent's, and put
        // the fields both changed side by side. Conflicts still open from an earlier change stay open.
        var merge = TicketHeaderMerge.Merge(_baseline!, _form, Ticket, _lookups);
        _conflicts = [.. merge.Conflicts, .. _conflicts.Where(open => merge.Conflicts.All(c => c.Field != open.Field))];
        (_form, _baseline) = (merge.Form, Ticket);
        if (_conflicts.Count > 0) await OnConflict.InvokeAsync();
    }

    private void KeepMine(FieldConflict conflict) => _conflicts = [.. _conflicts.Where(c => c != conflict)];

    private void TakeTheirs(FieldConflict conflict)
    {
        conflict.Field.Copy(_form, conflict.TheirValues);
        KeepMine(conflict);
    }

    private bool HasChanges => _baseline is not null && _form.DiffersFrom(_baseline);

    private Task SaveAsync() => OnSave.InvokeAsync(_form.ToUpdate());

    private void DiscardAndReload()
    {
        _baseline = null;
        _conflicts = [];
        Dispatcher.Dispatch(new LoadTicketAction(Ticket.Id));
    }

    private bool HasError(string field) => FieldErrors.ContainsKey(field);

    private string? ErrorFor(string field) => FieldErrors.GetValueOrDefault(field);
}
