using Helpdesk.Core.CaseLog.ReplyTemplates;
using Helpdesk.Core.Common;
using Microsoft.AspNetCore.Components;

namespace Helpdesk.Blazor.Features.CaseLog.ReplyTemplates;

public sealed partial class ReplyTemplatesPage
{
    private const string NameField = "name";
    private const string BodyField = "body";
    private IReadOnlyList<ReplyTemplateRow> _templates = [];
    private int? _editingId;
    private string _name = "";
    private string _body = "";
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();
    private string? _error;

    [Inject] private ReplyTemplateListQuery Query { get; set; } = default!;
    [Inject] private SaveReplyTemplateCommand Save { get; set; } = default!;
    [Inject] private DeleteReplyTemplateCommand Delete { get; set; } = default!;

    protected override async Task OnInitializedAsync() => _templates = await Query.ExecuteAsync();

    private void Edit(ReplyTemplateRow t)
    {
        Reset();
        (_editingId, _name, _body) = (t.Id, t.Name, t.Body);
    }

    private void Reset()
    {
        (_editingId, _name, _body, _error) = (null, "", "", null);
        _errors = new Dictionary<string, string>();
    }

    private async Task SaveAsync()
    {
        try
        {
            await Save.ExecuteAsync(_editingId, _name, _body);
            Reset();
            _templates = await Query.ExecuteAsync();
        }
        catch (ValidationFailedException ex)
        {
            (_errors, _error) = (ex.Errors, null);
        }
        catch (NotFoundException ex)
        {
            _error = ex.Message;
        }
    }

    private async Task DeleteAsync(ReplyTemplateRow t)
    {
        await Delete.ExecuteAsync(t.Id);
        if (_editingId == t.Id) Reset();
        _templates = await Query.ExecuteAsync();
    }
}
