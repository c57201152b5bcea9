using Helpdesk.Blazor.Components.Shared;
using Helpdesk.Core.Common;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.Tickets;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Helpdesk.Blazor.Features.Notifications;

public sealed partial class NotificationsPage
{
    private NotificationSetup _setup = new([], []);
    private ActionForm? _action;
    private TriggerForm? _trigger;
    private readonly FormErrors _errors = new(NotificationLabels.Fields);
    private string? _error;
    private int _previewActionId;
    private string? _previewTicket;
    private NotificationPreview? _preview;

    [Inject] private NotificationSetupQuery SetupQuery { get; set; } = default!;
    [Inject] private SaveEmailActionCommand SaveAction { get; set; } = default!;
    [Inject] private SaveTriggerCommand SaveTrigger { get; set; } = default!;
    [Inject] private NotificationPreviewQuery Preview { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private EmailActionsChanged ActionsChanged { get; set; } = default!;

    /// <summary>An email action to open in the editor, e.g. from the test-mode banner.</summary>
    [SupplyParameterFromQuery(Name = "action")] public int? ActionId { get; set; }

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync();
        _previewActionId = _setup.Actions.FirstOrDefault()?.Id ?? 0;
        if (_setup.Actions.FirstOrDefault(a => a.Id == ActionId) is { } linked)
            EditAction(linked);
    }

    private async Task LoadAsync() => _setup = await SetupQuery.ExecuteAsync();

    private void NewAction() => Edit(new ActionForm { Name = "", SubjectTemplate = "$this->ref$: $this->title$", BodyTemplate = "$this->head(public_log)$" });

    private void EditAction(EmailActionSummary a) => Edit(new ActionForm
    {
        Id = a.Id, Name = a.Name, Status = a.Status, TestRecipient = a.TestRecipient, From = a.From, ReplyTo = a.ReplyTo,
        To = a.To, Cc = a.Cc, Bcc = a.Bcc, SubjectTemplate = a.SubjectTemplate, BodyTemplate = a.BodyTemplate,
    });

    private void Edit(ActionForm form)
    {
        _action = form;
        _trigger = null;
        _errors.Clear();
    }

    private void NewTrigger() => EditTrigger(new TriggerSummary(0, "", TriggerKind.OnLogUpdate, "public_log", null, []));

    private void EditTrigger(TriggerSummary t)
    {
        _trigger = new TriggerForm { Id = t.Id == 0 ? null : t.Id, Name = t.Name, Kind = t.Kind, LogAttribute = t.LogAttribute, Filter = t.Filter, ActionIds = [.. t.ActionIds] };
        _action = null;
        _errors.Clear();
    }

    private void ToggleAction(int id, bool on)
    {
        if (on) _trigger!.ActionIds.Add(id);
        else _trigger!.ActionIds.Remove(id);
    }

    private Task SaveActionAsync() => SaveAsync(async () =>
    {
        var a = _action!;
        await SaveAction.ExecuteAsync(new EmailActionInput(a.Id, a.Name, a.Status, a.TestRecipient, a.From, a.ReplyTo, a.To, a.Cc, a.Bcc, a.SubjectTemplate, a.BodyTemplate));
        _action = null;
        ActionsChanged.Raise();
    });

    private Task SaveTriggerAsync() => SaveAsync(async () =>
    {
        var t = _trigger!;
        await SaveTrigger.ExecuteAsync(new TriggerInput(t.Id, t.Name, t.Kind, t.LogAttribute, t.Filter, [.. t.ActionIds]));
        _trigger = null;
    });

    private async Task SaveAsync(Func<Task> save)
    {
        if (!await _errors.RunAsync(save))
        {
            _error = "Not saved: " + _errors.Message;
            return;
        }
        _error = null;
        Snackbar.Add("Saved.", Severity.Success);
        await LoadAsync();
    }

    private async Task PreviewAsync()
    {
        _preview = null;
        var id = TicketNumber.FromTyped(_previewTicket);
        if (id is null)
        {
            _error = "Enter a ticket number such as HD-12.";
            return;
        }
        try
        {
            _preview = await Preview.ExecuteAsync(_previewActionId, id.Value);
            _error = null;
        }
        catch (NotFoundException ex)
        {
            _error = ex.Message;
        }
    }

    private string? ErrorFor(string field) => _errors.For(field);

    private sealed class ActionForm
    {
        public int? Id { get; init; }
        public string Name { get; set; } = "";
        public ActionStatus Status { get; set; } = ActionStatus.Test;
        public string? TestRecipient { get; set; }
        public string? From { get; set; }
        public string? ReplyTo { get; set; }
        public string? To { get; set; }
        public string? Cc { get; set; }
        public string? Bcc { get; set; }
        public string SubjectTemplate { get; set; } = "";
        public string BodyTemplate { get; set; } = "";
    }

    private sealed class TriggerForm
    {
        public int? Id { get; init; }
        public string Name { get; set; } = "";
        public TriggerKind Kind { get; set; }
        public string? LogAttribute { get; set; }
        public string? Filter { get; set; }
        public HashSet<int> ActionIds { get; init; } = [];
    }
}
