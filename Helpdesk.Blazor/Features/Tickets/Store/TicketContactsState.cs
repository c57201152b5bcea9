using System.Collections.Immutable;
using Helpdesk.Blazor.Flux;
using Helpdesk.Core.Tickets.Contacts;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Blazor.Features.Tickets.Store;

/// <summary>The contacts (collaborators) of the ticket on screen.</summary>
[FeatureState]
public sealed record TicketContactsState
{
    public int? TicketId { get; init; }
    public ImmutableList<PersonRef> Contacts { get; init; } = [];
    public bool IsSaving { get; init; }
    public string? Error { get; init; }

    /// <summary>Bumped on every successful add, so the form knows to clear its input.</summary>
    public int Added { get; init; }
}

public sealed record LoadTicketContactsAction(int TicketId);

public sealed record LoadTicketContactsSucceededAction(int TicketId, IReadOnlyList<PersonRef> Contacts);

public sealed record AddTicketContactAction(NewTicketContact Contact);

public sealed record RemoveTicketContactAction(int TicketId, int PersonId);

public sealed record ChangeTicketContactsSucceededAction(int TicketId, bool WasAdd);

public sealed record ChangeTicketContactsFailedAction(string Error);

public static class TicketContactsReducers
{
    [ReducerMethod]
    public static TicketContactsState ReduceLoadTicketContactsAction(TicketContactsState state, LoadTicketContactsAction action) =>
        state.TicketId == action.TicketId ? state : new TicketContactsState { TicketId = action.TicketId };

    [ReducerMethod]
    public static TicketContactsState ReduceLoadTicketContactsSucceededAction(TicketContactsState state, LoadTicketContactsSucceededAction action) =>
        state.TicketId == action.TicketId ? state with { Contacts = [.. action.Contacts] } : state;

    [ReducerMethod]
    public static TicketContactsState ReduceAddTicketContactAction(TicketContactsState state, AddTicketContactAction action) =>
        state with { IsSaving = true, Error = null };

    [ReducerMethod]
    public static TicketContactsState ReduceRemoveTicketContactAction(TicketContactsState state, RemoveTicketContactAction action) =>
        state with { IsSaving = true, Error = null };

    [ReducerMethod]
    public static TicketContactsState ReduceChangeTicketContactsSucceededAction(TicketContactsState state, ChangeTicketContactsSucceededAction action) =>
        state with { IsSaving = false, Added = action.WasAdd ? state.Added + 1 : state.Added };

    [ReducerMethod]
    public static TicketContactsState ReduceChangeTicketContactsFailedAction(TicketContactsState state, ChangeTicketContactsFailedAction action) =>
        state with { IsSaving = false, Error = action.Error };
}
