using Helpdesk.Blazor.Components.Shared;
using Helpdesk.Core.Common;
using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Tickets;
using Microsoft.AspNetCore.Components;

namespace Helpdesk.Blazor.Features.Correspondence;

public sealed partial class CorrespondencePage
{
    private IReadOnlyList<CorrespondenceTemplateView> _templates = [];
    private readonly FormErrors _errors = new();
    private CorrespondenceKind? _editing;
    private string _subject = "";
    private string _body = "";
    private string? _ticket;
    private CorrespondencePreview? _preview;

    [Inject] private CorrespondenceTemplateCommands Templates { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _templates = await Templates.ListAsync();
    }

    private static string BodyLabel(CorrespondenceKind kind) => CorrespondenceSwitches.IsSystemAlert(kind)
        ? $"Body (HTML with $alert->…$ placeholders: {CorrespondenceTemplateCommands.AlertPlaceholders})"
        : "Body (HTML with $this->…$ placeholders)";

    private void Edit(CorrespondenceTemplateView template)
    {
        (_editing, _subject, _body) = (template.Kind, template.Subject, template.Body);
        _errors.Clear();
    }

    private async Task SaveAsync()
    {
        if (await _errors.RunAsync(() => Templates.SaveAsync(_editing!.Value, _subject, _body)))
        {
            _editing = null;
            _templates = await Templates.ListAsync();
        }
    }

    private async Task ResetAsync()
    {
        await Templates.ResetAsync(_editing!.Value);
        _editing = null;
        _templates = await Templates.ListAsync();
    }

    private async Task PreviewAsync(CorrespondenceKind kind)
    {
        _preview = null;
        if (CorrespondenceSwitches.IsSystemAlert(kind))
        {
            await _errors.RunAsync(async () => _preview = await Templates.PreviewSystemAlertAsync(kind));
            return;
        }
        var id = TicketNumber.FromTyped(_ticket);
        if (id is null)
        {
            await _errors.RunAsync(() => throw new ValidationFailedException("ticket", "Enter a ticket number such as HD-12 to preview."));
            return;
        }
        await _errors.RunAsync(async () => _preview = await Templates.PreviewAsync(kind, id.Value));
    }
}
