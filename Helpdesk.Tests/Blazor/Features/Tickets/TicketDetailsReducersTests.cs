using System.Collections.Immutable;
using Helpdesk.Blazor.Features.Tickets.Store;
using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Tests.Blazor.Features.Tickets;

public sealed class TicketDetailsReducersTests
{
    private static TicketDetails Details(int id, int version) => new()
    {
        Id = id, Number = $"HD-{id}", Subject = "VPN", Status = TicketStatus.Assigned, Category = TicketCategory.Incident,
        RequestedFor = new PersonRef(1, "Alice", "alice@x"), RequestedBy = new PersonRef(1, "Alice", "alice@x"),
        Source = "console", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, Version = version,
        PublicLog = [], PrivateLog = [], Audit = [],
    };

    [Fact]
    public void ReduceLoadTicketAction_OtherTicket_StartsFromAnEmptyState()
    {
        var state = new TicketDetailsState { TicketId = 1, Ticket = Details(1, 0), SaveError = "x" };

        var after = TicketDetailsReducers.ReduceLoadTicketAction(state, new LoadTicketAction(2));

        Assert.Equal((2, true, null, null), (after.TicketId, after.IsLoading, after.Ticket, after.SaveError));
    }

    [Fact]
    public void ReduceLoadTicketSucceededAction_NewerVersionWhileNotSaving_FlagsChangedElsewhere()
    {
        var state = new TicketDetailsState { TicketId = 1, Ticket = Details(1, 0) };

        var after = TicketDetailsReducers.ReduceLoadTicketSucceededAction(state,
            new LoadTicketSucceededAction(Details(1, 1), [CaseLogKind.Public]));

        Assert.True(after.ChangedElsewhere);
        Assert.True(after.Editor(CaseLogKind.Public).EmailReplyAvailable);
        Assert.False(after.Editor(CaseLogKind.Private).EmailReplyAvailable);
    }

    [Fact]
    public void ReduceSaveTicketFieldsFailedAction_Conflict_KeepsFieldErrorsAndFlag()
    {
        var after = TicketDetailsReducers.ReduceSaveTicketFieldsFailedAction(new TicketDetailsState { IsSaving = true },
            new SaveTicketFieldsFailedAction("changed by Ann", ImmutableDictionary<string, string>.Empty, IsConflict: true));

        Assert.Equal((false, "changed by Ann", true), (after.IsSaving, after.SaveError, after.SaveConflict));
    }

    [Fact]
    public void ReduceAppendCaseLogEntrySucceededAction_CountsAppendsPerLog()
    {
        var state = TicketDetailsReducers.ReduceAppendCaseLogEntryAction(new TicketDetailsState(),
            new AppendCaseLogEntryAction(new NewCaseLogEntry { TicketId = 1, Log = CaseLogKind.Private, Text = "x" }));
        Assert.True(state.Editor(CaseLogKind.Private).IsSubmitting);

        var after = TicketDetailsReducers.ReduceAppendCaseLogEntrySucceededAction(state, new AppendCaseLogEntrySucceededAction(1, CaseLogKind.Private));

        Assert.Equal((false, 1), (after.Editor(CaseLogKind.Private).IsSubmitting, after.Editor(CaseLogKind.Private).AppendedCount));
        Assert.Equal(0, after.Editor(CaseLogKind.Public).AppendedCount);
    }

    [Fact]
    public void ReduceLoadTicketSucceededAction_ReloadAfterOwnSave_DoesNotFlagChangedElsewhere()
    {
        var state = new TicketDetailsState { TicketId = 1, Ticket = Details(1, 3) };
        state = TicketDetailsReducers.ReduceSaveTicketFieldsAction(state, new SaveTicketFieldsAction(null!));
        state = TicketDetailsReducers.ReduceSaveTicketFieldsSucceededAction(state, new SaveTicketFieldsSucceededAction(1, Version: 4));

        var after = TicketDetailsReducers.ReduceLoadTicketSucceededAction(state, new LoadTicketSucceededAction(Details(1, 4), []));

        Assert.False(after.ChangedElsewhere);
        Assert.Equal(4, after.Ticket!.Version);
    }

    [Fact]
    public void ReduceLoadTicketSucceededAction_SomeoneElseSavesAfterOwnSave_FlagsChangedElsewhereUntilTheNextOwnSave()
    {
        var state = new TicketDetailsState { TicketId = 1, Ticket = Details(1, 4), OwnVersion = 4 };

        var changed = TicketDetailsReducers.ReduceLoadTicketSucceededAction(state, new LoadTicketSucceededAction(Details(1, 5), []));
        var reloadedAgain = TicketDetailsReducers.ReduceLoadTicketSucceededAction(changed, new LoadTicketSucceededAction(Details(1, 5), []));

        Assert.True(changed.ChangedElsewhere);
        Assert.True(reloadedAgain.ChangedElsewhere);
    }

    [Fact]
    public void ReduceLoadTicketFailedAction_TicketAlreadyShown_KeepsItWithTheError()
    {
        var state = new TicketDetailsState { TicketId = 1, Ticket = Details(1, 2) };

        var after = TicketDetailsReducers.ReduceLoadTicketFailedAction(state, new LoadTicketFailedAction(1, "could not load"));
        var recovered = TicketDetailsReducers.ReduceLoadTicketSucceededAction(after, new LoadTicketSucceededAction(Details(1, 2), []));

        Assert.Equal((2, "could not load"), (after.Ticket!.Version, after.LoadError));
        Assert.Null(recovered.LoadError);
    }
}
