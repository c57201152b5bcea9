using Helpdesk.Blazor.Features.Tickets;
using Helpdesk.Blazor.Features.Tickets.Conflicts;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Tests.Blazor.Features.Tickets.Conflicts;

public sealed class TicketHeaderMergeTests
{
    private static readonly TicketLookups Lookups = TicketLookups.Empty;

    private static readonly TicketDetails Loaded = new()
    {
        Id = 1, Number = "HD-1", Subject = "VPN", Status = TicketStatus.Assigned, Category = TicketCategory.Incident,
        RequestedFor = new PersonRef(1, "Alice", "alice@x"), RequestedBy = new PersonRef(1, "Alice", "alice@x"),
        Source = "console", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, Version = 3,
        PublicLog = [], PrivateLog = [], Audit = [],
    };

    [Fact]
    public void Merge_SameFieldChangedDifferently_IsAConflictThatKeepsMineUntilChosen()
    {
        var mine = TicketHeaderForm.From(Loaded);
        mine.Subject = "VPN drops (mine)";

        var result = TicketHeaderMerge.Merge(Loaded, mine, Loaded with { Subject = "VPN drops (theirs)", Version = 4 }, Lookups);

        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal(("Subject", "VPN drops (mine)", "VPN drops (theirs)"), (conflict.Field.Label, conflict.Mine, conflict.Theirs));
        Assert.Equal(("VPN drops (mine)", 4), (result.Form.Subject, result.Form.LoadedVersion));
    }

    [Fact]
    public void Merge_DifferentFieldsChanged_TakesTheirsAndKeepsMineWithoutConflict()
    {
        var mine = TicketHeaderForm.From(Loaded);
        mine.Subject = "VPN drops (mine)";

        var result = TicketHeaderMerge.Merge(Loaded, mine, Loaded with { Status = TicketStatus.InProgress, Version = 4 }, Lookups);

        Assert.Empty(result.Conflicts);
        Assert.Equal(("VPN drops (mine)", TicketStatus.InProgress), (result.Form.Subject, result.Form.Status));
    }

    [Fact]
    public void Merge_BothMadeTheSameChange_IsNoConflict()
    {
        var mine = TicketHeaderForm.From(Loaded);
        mine.Status = TicketStatus.InProgress;

        var result = TicketHeaderMerge.Merge(Loaded, mine, Loaded with { Status = TicketStatus.InProgress, Version = 4 }, Lookups);

        Assert.Empty(result.Conflicts);
    }

    [Fact]
    public void Copy_TheirsChosenForOneConflict_CopiesOnlyThatField()
    {
        var mine = TicketHeaderForm.From(Loaded);
        (mine.Subject, mine.Category) = ("mine", TicketCategory.Rfc);
        var result = TicketHeaderMerge.Merge(Loaded, mine, Loaded with { Subject = "theirs", Category = TicketCategory.Rfi, Version = 4 }, Lookups);
        var subject = result.Conflicts.Single(c => c.Field.Label == "Subject");

        subject.Field.Copy(result.Form, subject.TheirValues);

        Assert.Equal(("theirs", TicketCategory.Rfc), (result.Form.Subject, result.Form.Category));
    }
}
