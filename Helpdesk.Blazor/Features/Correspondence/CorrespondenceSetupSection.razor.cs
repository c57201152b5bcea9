using Helpdesk.Blazor.Components.Shared;
using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.AspNetCore.Components;

namespace Helpdesk.Blazor.Features.Correspondence;

/// <summary>Help topics, SLA plans and agent groups (add, edit, delete) and the departments' correspondence switches.</summary>
public sealed partial class CorrespondenceSetupSection
{
    private readonly FormErrors _errors = new();
    private readonly FormErrors _topicErrors = new();
    private readonly FormErrors _planErrors = new();
    private readonly FormErrors _groupErrors = new();
    private CorrespondenceSetup _setup = new([], [], [], []);
    private TicketLookups _lookups = TicketLookups.Empty;

    private int? _topicId;
    private string? _topicName;
    private bool _topicQuiet;
    private int? _topicDepartment;
    private int? _planId;
    private string? _planName;
    private int _planHours = 8;
    private int? _groupId;
    private string? _groupName;
    private readonly HashSet<int> _groupMembers = [];
    private readonly HashSet<int> _groupDepartments = [];

    [Inject] private CorrespondenceSetupCommands Setup { get; set; } = default!;
    [Inject] private TicketLookupsQuery Lookups { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _setup = await Setup.ViewAsync();
        _lookups = await Lookups.ExecuteAsync();
    }

    private static void Toggle(HashSet<int> set, int id, bool on)
    {
        if (on) set.Add(id);
        else set.Remove(id);
    }

    private void EditTopic((int Id, string Name, bool AutorespondersDisabled, int? DepartmentId)? topic) =>
        (_topicId, _topicName, _topicQuiet, _topicDepartment) = (topic?.Id, topic?.Name, topic?.AutorespondersDisabled ?? false, topic?.DepartmentId);

    private void EditPlan((int Id, string Name, int GracePeriodHours)? plan) =>
        (_planId, _planName, _planHours) = (plan?.Id, plan?.Name, plan?.GracePeriodHours ?? 8);

    private void EditGroup(AgentGroupRow? group)
    {
        (_groupId, _groupName) = (group?.Id, group?.Name);
        _groupMembers.Clear();
        _groupDepartments.Clear();
        _groupMembers.UnionWith(group?.MemberIds ?? []);
        _groupDepartments.UnionWith(group?.DepartmentIds ?? []);
    }

    private Task SaveTopicAsync() => RunAsync(_topicErrors, async () => { await Setup.SaveHelpTopicAsync(_topicId, _topicName ?? "", _topicQuiet, _topicDepartment); EditTopic(null); });

    private Task SavePlanAsync() => RunAsync(_planErrors, async () => { await Setup.SaveSlaPlanAsync(_planId, _planName ?? "", _planHours); EditPlan(null); });

    private Task SaveGroupAsync() => RunAsync(_groupErrors, async () =>
    {
        await Setup.SaveGroupAsync(_groupId, _groupName ?? "", [.. _groupMembers], [.. _groupDepartments]);
        EditGroup(null);
    });

    private Task RunAsync(Func<Task> work) => RunAsync(_errors, work);

    private async Task RunAsync(FormErrors errors, Func<Task> work)
    {
        if (await errors.RunAsync(work)) _setup = await Setup.ViewAsync();
    }
}
