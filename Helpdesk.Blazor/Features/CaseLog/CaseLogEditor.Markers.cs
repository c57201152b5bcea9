using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Helpdesk.Blazor.Features.CaseLog;

/// <summary>
/// The composer's markers: "::" offers reply templates, inserted where the agent typed the marker; "@" in a private
/// note offers agents to mention, who are alerted when the note is added.
/// </summary>
public sealed partial class CaseLogEditor
{
    private const string TemplateMarker = "::";
    private const string MentionMarker = "@";
    private List<PersonRef> _mentions = [];
    private TypedMarker? _marker;
    private ElementReference _textBox;
    private int? _caretAfterRender;
    private ComposerCaret? _caret;

    [Inject] private IJSRuntime JS { get; set; } = default!;

    private ComposerCaret Caret => _caret ??= new ComposerCaret(JS);

    private void FollowMarker(string before, string after) =>
        _marker = _marker?.Follow(before, after) ?? TypedMarker.JustTyped(before, after, TemplateMarker)
            ?? (Log == CaseLogKind.Private ? TypedMarker.JustTyped(before, after, MentionMarker) : null);

    /// <summary>The agents still named in the text: deleting "@Name" takes the mention back.</summary>
    private IReadOnlyList<int> MentionIds => Log == CaseLogKind.Private
        ? [.. _mentions.Where(m => _text.Contains(MentionMarker + m.Name, StringComparison.Ordinal)).Select(m => m.Id).Distinct()]
        : [];

    private async Task MentionAsync(PersonRef agent)
    {
        _mentions.Add(agent);
        await InsertAsync($"{MentionMarker}{agent.Name} ");
    }

    private void CloseSuggestions() => _marker = null;

    private string HelperText => Log == CaseLogKind.Private
        ? "Ctrl+Enter adds the note; :: inserts a reply template; @ mentions an agent; drafts are saved as you type"
        : "Ctrl+Enter adds the entry; :: inserts a reply template; drafts are saved as you type";

    /// <summary>The button does what typing "::" does, at the caret, so both lead to the same picker.</summary>
    private async Task OpenTemplatesAsync()
    {
        var at = Math.Clamp(await CaretOrEndAsync(), 0, _text.Length);
        var text = _text[..at] + TemplateMarker + _text[at..];
        _marker = new TypedMarker(TemplateMarker, at, at + TemplateMarker.Length);
        _caretAfterRender = _marker.End;
        Change(() => _text = text);
    }

    private Task InsertAsync(string insert)
    {
        if (_marker is null) return Task.CompletedTask;
        var (text, caret) = _marker.Replace(_text, insert);
        _marker = null;
        _caretAfterRender = caret;
        Change(() => _text = text);
        return Task.CompletedTask;
    }

    private async Task<int> CaretOrEndAsync()
    {
        try
        {
            return await Caret.GetAsync(_textBox) ?? _text.Length;
        }
        catch (JSException)
        {
            return _text.Length;
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_caretAfterRender is not { } caret) return;
        _caretAfterRender = null;
        try
        {
            await Caret.PlaceAsync(_textBox, caret);
        }
        catch (JSException)
        {
            // The text is in place; only the caret stays where the browser left it.
        }
    }
}
