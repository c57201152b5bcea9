using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Policy;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.SharedState;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.SharedState;

/// <summary>Within a batch a setting is read once; any save empties the batch's copy, outside a batch every read is fresh.</summary>
public sealed class BatchSettingsTests : IAsyncLifetime
{
    private const CorrespondenceKind Kind = CorrespondenceKind.NewTicketAutoresponse;
    private CoreTestHost _host = default!;

    public async Task InitializeAsync() => _host = await CoreTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<string> TemplateSubjectAsync()
    {
        await using var db = await _host.DbAsync();
        return (await CorrespondenceTemplates.ForAsync(db, Kind, default)).Subject;
    }

    /// <summary>Writes the template row the way no administrator can (no save signal), to see whether a read reaches the database.</summary>
    private async Task WriteTemplateUnannouncedAsync(string subject)
    {
        await using var db = await _host.DbAsync();
        db.Add(new MessageTemplate { Kind = Kind, Subject = subject, Body = "<p>Body</p>" });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task ReadAsync_WithinBatch_ReadsTheDatabaseOnce()
    {
        using var batch = _host.Get<BatchSettings>().Begin();
        var first = await TemplateSubjectAsync();

        await WriteTemplateUnannouncedAsync("unannounced");

        Assert.Equal(first, await TemplateSubjectAsync());
    }

    [Fact]
    public async Task ReadAsync_OutsideBatch_ReadsTheDatabaseEachTime()
    {
        await TemplateSubjectAsync();

        await WriteTemplateUnannouncedAsync("unannounced");

        Assert.Equal("unannounced", await TemplateSubjectAsync());
    }

    [Fact]
    public async Task ReadAsync_TemplateSavedDuringBatch_NextReadHasTheSavedTemplate()
    {
        using var batch = _host.Get<BatchSettings>().Begin();
        Assert.Equal(CorrespondenceTemplates.Defaults[Kind].Subject, await TemplateSubjectAsync());

        await _host.Get<CorrespondenceTemplateCommands>().SaveAsync(Kind, "$this->ref$: saved", "<p>Saved</p>");

        Assert.Equal("$this->ref$: saved", await TemplateSubjectAsync());
    }

    [Fact]
    public async Task ReadAsync_TriggerSavedDuringBatch_NextReadFiresIt()
    {
        using var batch = _host.Get<BatchSettings>().Begin();
        var before = await OnCreateTriggerNamesAsync();
        var actionId = await _host.Get<SaveEmailActionCommand>().ExecuteAsync(new EmailActionInput(null, "Tell the caller", ActionStatus.Active, null, null, null,
            "SELECT Person WHERE id = :this->caller_id", null, null, "Opened $this->ref$", "<p>Opened.</p>"));

        await _host.Get<SaveTriggerCommand>().ExecuteAsync(new TriggerInput(null, "On every new ticket", TriggerKind.OnCreate, null, null, [actionId]));

        Assert.DoesNotContain("On every new ticket", before);
        Assert.Contains("On every new ticket", await OnCreateTriggerNamesAsync());
    }

    [Fact]
    public async Task ReadAsync_EmailPolicySavedDuringBatch_NextReadHasTheSavedPolicy()
    {
        var policy = _host.Get<EmailPolicySettings>();
        using var batch = _host.Get<BatchSettings>().Begin();
        var before = await PolicyAsync(policy);
        var other = before == UnknownSenderPolicy.Reject ? UnknownSenderPolicy.CreatePerson : UnknownSenderPolicy.Reject;

        await policy.SaveAsync(other);

        Assert.Equal(other, await PolicyAsync(policy));
    }

    private async Task<UnknownSenderPolicy> PolicyAsync(EmailPolicySettings policy)
    {
        await using var db = await _host.DbAsync();
        return await policy.GetAsync(db, default);
    }

    private async Task<List<string>> OnCreateTriggerNamesAsync()
    {
        await using var db = await _host.DbAsync();
        var triggers = await FiringTriggers.ForAsync(db, [TriggerKind.OnCreate], null, _ => throw new InvalidOperationException("no filter here"), default);
        return [.. triggers.Select(t => t.Name)];
    }
}
