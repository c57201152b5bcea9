using Helpdesk.Blazor.Features.Shell;
using Helpdesk.Core.Common;
using Helpdesk.Core.Mail.Outbound;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Helpdesk.Blazor.Features.Mail;

public sealed partial class NotificationLogPage
{
    private const int PageSize = 50;
    private OutboxPage _page = new([], 0);
    private OutboxStatus? _status;
    private int _pageIndex;
    private string? _error;

    [Inject] private OutboxListQuery Query { get; set; } = default!;
    [Inject] private ResendOutboxMessageCommand Resend { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync() => _page = await Query.ExecuteAsync(_status, _pageIndex, PageSize, await CurrentActor.GetAsync());

    private Task StatusChanged(OutboxStatus? status)
    {
        _status = status;
        _pageIndex = 0;
        return LoadAsync();
    }

    private Task PreviousAsync() { _pageIndex--; return LoadAsync(); }

    private Task NextAsync() { _pageIndex++; return LoadAsync(); }

    private async Task ResendAsync(long id)
    {
        try
        {
            await Resend.ExecuteAsync(id);
            Snackbar.Add("The mail is queued again; it goes out within seconds.", Severity.Success);
            _error = null;
        }
        catch (Exception ex) when (ex is NotFoundException or ValidationFailedException)
        {
            _error = ex.Message;
        }
        await LoadAsync();
    }

    private static string Why(OutboxSummary m) => m.TriggerName is null && m.ActionName is null
        ? OutboxKindLabel.Describe(m.Kind)
        : $"{OutboxKindLabel.Describe(m.Kind)}: trigger \"{m.TriggerName ?? "(deleted)"}\", action \"{m.ActionName ?? "(deleted)"}\"";

    private static IEnumerable<(string Field, string List)> Recipients(OutboxSummary m) =>
        new[] { ("To", m.To), ("Cc", m.Cc), ("Bcc", m.Bcc) }.Where(r => !string.IsNullOrWhiteSpace(r.Item2));

    private static string StatusText(OutboxSummary m) =>
        m.BouncedAt is not null ? "Bounced" : m.DelayedAt is not null ? "Delayed" : m.IsTest ? $"{m.Status} (test)" : m.Status.ToString();

    private static Color StatusColor(OutboxSummary m) => m.BouncedAt is not null || m.DelayedAt is not null ? Color.Warning : m.Status switch
    {
        OutboxStatus.Sent => Color.Success,
        OutboxStatus.Failed => Color.Error,
        _ => Color.Info,
    };
}
