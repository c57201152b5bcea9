using Helpdesk.Blazor.Features.Tickets.Store;
using Helpdesk.Core.Attachments;
using Helpdesk.Blazor.Flux;
using Helpdesk.Core.CaseLog;
using Helpdesk.Core.CaseLog.Drafts;
using Helpdesk.Core.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;

namespace Helpdesk.Blazor.Features.CaseLog;

/// <summary>
/// Appends to one case log. Files added during this edit are uploaded to the blob store at once, listed by the paper
/// clip, and sent with the entry (and with its email when "Send by email" is ticked).
/// </summary>
public sealed partial class CaseLogEditor : IDisposable
{
    private const int MaxFilesPerEdit = 20;
    private static readonly TimeSpan DraftSaveDelay = TimeSpan.FromMilliseconds(600);
    private static readonly TimeSpan TypingPingInterval = TimeSpan.FromSeconds(2);
    private string _text = "";
    private bool _markdown;
    private bool _sendEmail;

    // Null while the agent has not edited them: the email action's recipient queries decide, as without a composer.
    private EntryRecipients? _recipients;
    private bool _recipientTyping;
    private List<StagedFile> _files = [];
    private List<string> _uploadErrors = [];
    private int _uploading;
    private int _seenAppendedCount;
    private bool _initialized;
    private bool _draftRestored;
    private DateTimeOffset _lastTypingPing = DateTimeOffset.MinValue;
    private AfterPause? _draftSave;

    [Parameter, EditorRequired] public int TicketId { get; set; }
    [Parameter, EditorRequired] public CaseLogKind Log { get; set; }
    [Parameter] public CaseLogEditorStatus Status { get; set; } = new();

    /// <summary>Whether "Send by email" starts ticked (configuration EmailReply:EnabledDefault).</summary>
    [Parameter] public bool EmailReplyDefault { get; set; } = true;
    [Parameter] public EventCallback<NewCaseLogEntry> OnSubmit { get; set; }

    /// <summary>What To and Cc show until the agent edits them: whom the email action's recipient queries would mail.</summary>
    [Parameter] public EntryRecipients? DefaultRecipients { get; set; }

    /// <summary>The email action is in Test status: the mail goes to its test recipient, which the composer says.</summary>
    [Parameter] public bool RepliesGoToTestRecipient { get; set; }

    /// <summary>The agent's saved draft for this log, restored once the drafts are loaded (<see cref="CaseLogEditorStatus.DraftsLoaded"/>).</summary>
    [Parameter] public CaseLogDraftContent? Draft { get; set; }

    /// <summary>Raised while the agent types, at most every <see cref="TypingPingInterval"/>, so others see it.</summary>
    // A plain delegate, not an EventCallback: a typing ping must not re-render the whole page.
    [Parameter] public Action<CaseLogKind>? OnTyping { get; set; }

    [Inject] private BlobStore Blobs { get; set; } = default!;
    [Inject] private ILogger<CaseLogEditor> Logger { get; set; } = default!;
    [Inject] private IDispatcher Dispatcher { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    private string LogName => Log.ToString().ToLowerInvariant();

    private bool ShowsRecipients => Log == CaseLogKind.Public && Status.EmailReplyAvailable && _sendEmail && DefaultRecipients is not null;

    private EntryRecipients Recipients => _recipients ?? DefaultRecipients ?? new EntryRecipients([], []);

    private bool CanSubmit => !Status.IsSubmitting && _uploading == 0 && !(ShowsRecipients && _recipientTyping) && (!string.IsNullOrWhiteSpace(_text) || _files.Count > 0);

    protected override void OnParametersSet()
    {
        if (!_initialized)
        {
            _sendEmail = EmailReplyDefault;
            _seenAppendedCount = Status.AppendedCount;
            _initialized = true;
        }
        else if (Status.AppendedCount != _seenAppendedCount)
        {
            _seenAppendedCount = Status.AppendedCount;
            ClearDraft();
        }
        if (!_draftRestored && Status.DraftsLoaded)
        {
            _draftRestored = true;
            if (Draft is not null && string.IsNullOrEmpty(_text) && _files.Count == 0) Restore(Draft);
        }
    }

    private void Restore(CaseLogDraftContent draft)
    {
        _text = draft.Text;
        _markdown = draft.Markdown;
        _sendEmail = draft.SendEmail;
        _files = [.. draft.Files];
        _recipients = draft.Recipients;
        _mentions = [.. draft.Mentions ?? []];
    }

    private void ChangeRecipients(EntryRecipients chosen) => Change(() =>
        _recipients = DefaultRecipients is { } shown && chosen.To.SequenceEqual(shown.To) && chosen.Cc.SequenceEqual(shown.Cc) ? null : chosen);

    private void Change(Action change)
    {
        change();
        ScheduleDraftSave();
    }

    private void Type(string text)
    {
        FollowMarker(_text, text);
        Change(() => _text = text);
        var now = Clock.GetUtcNow();
        if (now - _lastTypingPing < TypingPingInterval) return;
        _lastTypingPing = now;
        OnTyping?.Invoke(Log);
    }

    private void ScheduleDraftSave() => DraftSave.Restart();

    private AfterPause DraftSave => _draftSave ??= new AfterPause(DraftSaveDelay, Clock, InvokeAsync, () =>
        Dispatcher.Dispatch(new SaveCaseLogDraftAction(new CaseLogDraftContent(TicketId, Log, _text, _markdown, _sendEmail, _files, _recipients, [.. _mentions]))));

    private void CancelDraftSave() => _draftSave?.Cancel();

    private async Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Escape") CloseSuggestions();
        else if (e.Key == "Enter" && (e.CtrlKey || e.MetaKey) && CanSubmit) await SubmitAsync();
    }

    // Leaving the page right after typing must not lose the last words.
    public void Dispose() => _draftSave?.Flush();

    private async Task AddFilesAsync(InputFileChangeEventArgs args)
    {
        _uploadErrors = [];
        // Take every dropped file so that the ones over the per-edit limit can be named (GetMultipleFiles(n) throws).
        foreach (var file in args.GetMultipleFiles(int.MaxValue))
        {
            if (_files.Count + _uploading >= MaxFilesPerEdit)
            {
                _uploadErrors.Add($"At most {MaxFilesPerEdit} files can be added in one edit; \"{file.Name}\" was not attached.");
                continue;
            }
            _uploading++;
            try
            {
                // The browser announces the size; refuse before reading. One byte over the limit lets the store
                // say clearly that a file which grew meanwhile is too large.
                Blobs.EnsureWithinLimit(file.Name, file.Size);
                await using var stream = file.OpenReadStream(Blobs.MaxFileSizeBytes + 1);
                _files = [.. _files, await Blobs.StageAsync(file.Name, file.ContentType, stream, CancellationToken.None)];
                ScheduleDraftSave();
            }
            catch (ValidationFailedException ex)
            {
                _uploadErrors.Add(ex.Message);
            }
            catch (Exception ex)
            {
                Logger.LogWarning(ex, "Upload of an attachment failed");
                _uploadErrors.Add($"\"{file.Name}\" could not be uploaded; try again.");
            }
            finally
            {
                _uploading--;
            }
        }
    }

    private void RemoveFile(StagedFile file) => Change(() => _files = [.. _files.Where(f => f != file)]);

    private Task SubmitAsync()
    {
        // The append clears the server's draft; a save still waiting must not bring it back.
        CancelDraftSave();
        return OnSubmit.InvokeAsync(new NewCaseLogEntry
    {
        TicketId = TicketId,
        Log = Log,
        Text = _text,
        Format = _markdown ? TextFormat.Markdown : TextFormat.Plain,
        Files = _files,
        SendEmail = Status.EmailReplyAvailable && _sendEmail,
        Recipients = ShowsRecipients ? _recipients : null,
        MentionIds = MentionIds,
    });
    }

    private void ClearDraft()
    {
        CancelDraftSave();
        _text = "";
        _files = [];
        _uploadErrors = [];
        _recipients = null;
        _marker = null;
        _mentions = [];
        _sendEmail = EmailReplyDefault;
    }
}
