using Helpdesk.Blazor.Components.Shared;
using Helpdesk.Core.Common;
using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;
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

    private CorrespondenceSetup _setup = new([], [], []);
    private TicketLookups _lookups = TicketLookups.Empty;
    private string? _topicName;
    private bool _topicQuiet;
    private string? _planName;
    private int _planHours = 8;
    private string? _groupName;
    private readonly HashSet<int> _groupMembers = [];
    private readonly HashSet<int> _groupDepartments = [];

    [Inject] private CorrespondenceTemplateCommands Templates { get; set; } = default!;
    [Inject] private CorrespondenceSetupCommands Setup { get; set; } = default!;
    [Inject] private TicketLookupsQuery Lookups { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _templates = await Templates.ListAsync();
        _setup = await Setup.ViewAsync();
        _lookups = await Lookups.ExecuteAsync();
    }

    private static void Toggle(HashSet<int> set, int id, bool on)
    {
        if (on) set.Add(id);
        else set.Remove(id);
    }

    private Task AddTopicAsync() => SetupAsync(async () => { await Setup.SaveHelpTopicAsync(null, _topicName ?? "", _topicQuiet); _topicName = null; });

    private Task AddPlanAsync() => SetupAsync(async () => { await Setup.SaveSlaPlanAsync(null, _planName ?? "", _planHours); _planName = null; });

    private Task AddGroupAsync() => SetupAsync(async () =>
    {
        await Setup.SaveGroupAsync(null, _groupName ?? "", [.. _groupMembers], [.. _groupDepartments]);
        _groupName = null;
        _groupMembers.Clear();
        _groupDepartments.Clear();
    });

    private async Task SetupAsync(Func<Task> work)
    {
        if (await _errors.RunAsync(work)) _setup = await Setup.ViewAsync();
    }

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
        var id = TicketNumber.FindIn(_ticket) ?? (int.TryParse(_ticket?.Trim().TrimStart('#'), out var n) ? n : (int?)null);
        if (id is null)
        {
            await _errors.RunAsync(() => throw new ValidationFailedException("ticket", "Enter a ticket number such as HD-12 to preview."));
            return;
        }
        await _errors.RunAsync(async () => _preview = await Templates.PreviewAsync(kind, id.Value));
    }
}
