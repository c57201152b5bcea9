using Helpdesk.Core.Common;
using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.TestSupport.Builders;

/// <summary>Tickets created and changed through a running console's own commands, as the system: what a test's open page sees happen elsewhere.</summary>
public static class TicketsElsewhere
{
    public static async Task<int> FirstEndUserIdAsync(this IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>().CreateDbContextAsync();
        return await db.Set<Person>().Where(p => p.Roles == PersonRoles.EndUser).Select(p => p.Id).FirstAsync();
    }

    /// <summary>Tickets "<paramref name="subject"/> 0" … for the first end user.</summary>
    /// <returns>Their ids, oldest first.</returns>
    public static async Task<List<int>> CreateTicketsAsync(this IServiceProvider services, string subject, int count)
    {
        var callerId = await services.FirstEndUserIdAsync();
        var create = services.GetRequiredService<CreateTicketCommand>();
        var ids = new List<int>();
        for (var i = 0; i < count; i++)
            ids.Add(await create.ExecuteAsync(new NewTicket { Subject = $"{subject} {i}", RequestedForId = callerId }, Actor.System));
        return ids;
    }

    /// <summary>Another agent (or mail) gives the ticket a new subject.</summary>
    public static async Task RenameTicketAsync(this IServiceProvider services, int ticketId, string subject)
    {
        var ticket = (await services.GetRequiredService<TicketDetailsQuery>().ExecuteAsync(ticketId, Actor.System))!;
        await services.GetRequiredService<UpdateTicketCommand>().ExecuteAsync(ticket.AsUpdate() with { Subject = subject }, Actor.System);
    }
}
