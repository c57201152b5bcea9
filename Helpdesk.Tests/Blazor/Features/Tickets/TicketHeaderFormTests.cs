using Helpdesk.Blazor.Features.Tickets;
using Helpdesk.Core.Common;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.TestSupport;

namespace Helpdesk.Tests.Blazor.Features.Tickets;

public sealed class TicketHeaderFormTests
{
    [Fact]
    public async Task ToUpdate_OtherFieldEdited_KeepsTheDesiredCompletion()
    {
        await using var host = await CoreTestHost.StartAsync();
        var carl = await host.AddPersonAsync("Carl Caller", "carl@customer.test");
        var desired = new DateTime(2026, 11, 5, 9, 0, 0, DateTimeKind.Utc);
        var id = await host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "New laptop", RequestedForId = carl.Id, DesiredCompletionAt = desired }, Actor.System);
        var form = TicketHeaderForm.From((await host.Get<TicketDetailsQuery>().ExecuteAsync(id, Actor.System))!);

        form.Subject = "New laptop, 16 inch";
        await host.Get<UpdateTicketCommand>().ExecuteAsync(form.ToUpdate(), Actor.System);

        var saved = (await host.Get<TicketDetailsQuery>().ExecuteAsync(id, Actor.System))!;
        Assert.Equal(("New laptop, 16 inch", desired), (saved.Subject, saved.DesiredCompletionAt));
        Assert.False(TicketHeaderForm.From(saved).DiffersFrom(saved));
    }
}
