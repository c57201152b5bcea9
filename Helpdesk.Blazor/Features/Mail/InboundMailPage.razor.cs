using Helpdesk.Blazor.Features.Shell;
using Helpdesk.Core.Common;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Parsing;
using Helpdesk.Core.Mail.Inbound.Processing;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace Helpdesk.Blazor.Features.Mail;

public sealed partial class InboundMailPage
{
    private const int PageSize = 50;
    private InboundPage _page = new([], 0);
    private InboundStatus? _status;
    private int _pageIndex;
    private string? _error;
    private DryRunView? _dryRun;

    private sealed record DryRunView(string Title, string Explanation, IReadOnlyList<string> Notes, RequestPreview? Request = null);

    [Inject] private InboundMailListQuery Query { get; set; } = default!;
    [Inject] private RetryInboundMailCommand Retry { get; set; } = default!;
    [Inject] private InboundMailProcessor Processor { get; set; } = default!;
    [Inject] private IOptions<InboundMailOptions> Options { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private ILogger<InboundMailPage> Logger { get; set; } = default!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync() => _page = await Query.ExecuteAsync(_status, _pageIndex, PageSize, await CurrentActor.GetAsync());

    private Task StatusChanged(InboundStatus? status)
    {
        _status = status;
        _pageIndex = 0;
        return LoadAsync();
    }

    private Task PreviousAsync() { _pageIndex--; return LoadAsync(); }

    private Task NextAsync() { _pageIndex++; return LoadAsync(); }

    private async Task RetryAsync(long id)
    {
        try
        {
            var result = await Retry.ExecuteAsync(id);
            Snackbar.Add($"Processed again: {result.Status}. {result.Outcome ?? result.Error}", result.Status == InboundStatus.Processed ? Severity.Success : Severity.Warning);
            _error = null;
        }
        catch (Exception ex) when (ex is NotFoundException or ValidationFailedException)
        {
            _error = ex.Message;
        }
        await LoadAsync();
    }

    private async Task DryRunAsync(InputFileChangeEventArgs args)
    {
        try
        {
            await using var stream = args.File.OpenReadStream(Options.Value.MaxMessageSizeBytes);
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer);
            var (decision, request) = await Processor.DryRunAsync(buffer.ToArray(), CancellationToken.None);
            var automated = decision.IsAutomated ? $" Automated mail ({decision.AutomatedReason}): no automatic answer or notice." : "";
            _dryRun = new DryRunView(Title(decision), decision.Explanation + automated, decision.Notes, request);
        }
        catch (MalformedMailException ex)
        {
            _dryRun = new DryRunView("Would be quarantined", ex.Message, []);
        }
        catch (IOException ex)
        {
            _dryRun = new DryRunView("Not read", $"The file could not be read: {ex.Message}", []);
        }
        catch (Exception ex)
        {
            Logger.LogWarning(ex, "Dry run failed");
            _dryRun = new DryRunView("Would be quarantined", "Processing this mail fails; it would be kept and shown here for a retry.", []);
        }
    }

    private static string Title(InboundDecision decision) => decision switch
    {
        CreateRequest create => $"Would create a request: {create.Ticket.Subject}",
        AddNote note => $"Would add a {(note.Log == Core.CaseLog.CaseLogKind.Private ? "private" : "public")} note to HD-{note.TicketId}",
        RejectSender when decision.IsAutomated => "Would reject the sender (no notice: automated mail is never answered)",
        RejectSender => "Would reject the sender (and send a polite notice)",
        QuarantineMail => "Would be quarantined",
        _ => "Would ignore it",
    };
}
