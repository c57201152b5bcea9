using Helpdesk.Core.Accounts;
using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Common;
using Helpdesk.Core.Departments;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.Organizations;
using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Teams;
using Helpdesk.Core.Tickets;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.DemoData;

/// <summary>
/// Fills an empty helpdesk with a few teams, people and 50 tickets so a newcomer sees a living console.
/// Runs only when switched on (--seed-demo or Helpdesk:SeedDemoData) and only while there are no tickets.
/// </summary>
internal sealed class DemoDataSeeder(IServiceScopeFactory scopeFactory, TimeProvider clock, ILogger<DemoDataSeeder> logger) : IStartupSeeder
{
    public const string DemoAgentEmail = "agent@helpdesk.local";
    public const string DemoAgentPassword = "Demo-Agent-2026";

    public int Order => 100;

    public async Task SeedAsync(CancellationToken ct)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HelpdeskDbContext>();
        var existing = await db.Set<Ticket>().CountAsync(ct);
        if (existing > 0)
        {
            logger.LogWarning("--seed-demo did nothing: demo data is only added to an empty helpdesk, and this database already has {Count} tickets", existing);
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var random = new Random(42);
        var org = new Organization { Name = "Contoso Ltd" };
        var agents = DemoPeople.Agents.Select(a => Person(a.Name, a.Email, PersonRoles.Agent | PersonRoles.Specialist, now)).ToList();
        var customers = DemoPeople.Customers.Select(c => Person(c.Name, c.Email, PersonRoles.EndUser, now, org)).ToList();
        var teams = new List<Team>
        {
            new() { Name = "Service Desk", InboundLocalPart = "servicedesk", Lead = agents[0], Members = [agents[0], agents[1], agents[2]] },
            new() { Name = "Network", InboundLocalPart = "network", Lead = agents[3], Members = [agents[3], agents[4]] },
            new() { Name = "Applications", InboundLocalPart = "apps", Lead = agents[2], Members = [agents[2], agents[4]] },
        };
        var departments = new List<Department>
        {
            new() { Name = "IT Support", Manager = agents[0], Members = [.. agents] },
            new() { Name = "Facilities", Manager = agents[1], Members = [agents[1]] },
        };
        db.AddRange(teams);
        db.AddRange(departments);
        var plans = new List<Correspondence.SlaPlan> { new() { Name = "Standard (3 days)", GracePeriodHours = 72 }, new() { Name = "Urgent (4 hours)", GracePeriodHours = 4 } };
        db.AddRange(plans);
        db.AddRange(new Correspondence.HelpTopic { Name = "Hardware" }, new Correspondence.HelpTopic { Name = "Accounts and access" },
            new Correspondence.HelpTopic { Name = "Newsletters and spam", AutorespondersDisabled = true });
        db.AddRange(customers);
        await db.SaveChangesAsync(ct);

        var statuses = Enum.GetValues<TicketStatus>().Where(s => s != TicketStatus.New).ToArray();
        var tickets = new List<Ticket>();
        for (var i = 0; i < 50; i++)
        {
            var created = now.AddMinutes(-random.Next(10, 14 * 24 * 60));
            // Nothing in the demo's history lies in the future.
            DateTime Past(DateTime at) => at < now ? at : now;
            var team = teams[random.Next(teams.Count)];
            var caller = customers[random.Next(customers.Count)];
            var status = statuses[random.Next(statuses.Length)];
            var subject = DemoPeople.Subjects[i % DemoPeople.Subjects.Length];
            var ticket = new Ticket
            {
                Subject = subject,
                Status = status,
                Category = subject.Contains("request", StringComparison.OrdinalIgnoreCase) ? TicketCategory.Rfc : TicketCategory.Incident,
                Impact = (TicketImpact)random.Next(4),
                RequestedFor = caller,
                RequestedBy = caller,
                Team = team,
                Member = status == TicketStatus.Assigned ? null : team.Members[random.Next(team.Members.Count)],
                Department = departments[0],
                Source = i % 3 == 0 ? TicketSources.Email : TicketSources.Console,
                SlaPlanId = i % 5 == 0 ? plans[i % 2].Id : null,
                CreatedAt = created,
                UpdatedAt = Past(created.AddMinutes(random.Next(0, 600))),
                CompletedAt = status.IsOpen() ? null : Past(created.AddHours(4)),
            };
            // A demo ticket already past its SLA became overdue back then: the first sweep must not alert for all of them at once.
            if (ticket.SlaPlanId is not null && status.IsOpen() && created.AddHours(plans[i % 2].GracePeriodHours) is var due && due <= now)
                ticket.OverdueAt = due;
            ticket.CaseLog.Add(Entry(CaseLogKind.Public, caller.Name, caller.Id, $"Hello, {subject.ToLowerInvariant()}. Can you help?", EntryOrigin.Customer, created));
            if (ticket.Member is { } member)
                ticket.CaseLog.Add(Entry(CaseLogKind.Private, member.Name, member.Id, "Looking into it; checked the usual suspects.", EntryOrigin.Console, Past(created.AddMinutes(30))));
            tickets.Add(ticket);
        }
        db.AddRange(tickets);
        await db.SaveChangesAsync(ct);
        // Like every ticket, each demo ticket's history starts with its creation (numbers exist only once saved).
        db.AddRange(tickets.Select(t => TicketAuditTrail.Entry(t, new Actor(t.RequestedFor!.Id, t.RequestedFor.Name, ActorKind.Customer),
            t.CreatedAt, "ticket", null, t.Number, $"Created from {t.Source}")));
        await db.SaveChangesAsync(ct);
        await CreateDemoLoginAsync(scope.ServiceProvider, agents[0]);
        await ActivateEmailRepliesAsync(db, ct);
        logger.LogInformation("Demo data created: 50 tickets. Demo agent login: {Email} / {Password}", DemoAgentEmail, DemoAgentPassword);
    }

    /// <summary>
    /// A real install keeps the default email action in Test (as the Email Reply extension ships it); the demo mails into
    /// the local pickup folder anyway, so its replies go to the customers they answer.
    /// </summary>
    private static async Task ActivateEmailRepliesAsync(HelpdeskDbContext db, CancellationToken ct)
    {
        var defaults = await db.Set<EmailAction>().Where(a => a.Status == ActionStatus.Test && a.TestRecipient == DefaultNotificationSeeder.TestRecipient).ToListAsync(ct);
        foreach (var action in defaults) action.Status = ActionStatus.Active;
        await db.SaveChangesAsync(ct);
    }

    private static async Task CreateDemoLoginAsync(IServiceProvider services, Person agent)
    {
        var users = services.GetRequiredService<UserManager<HelpdeskUser>>();
        var user = new HelpdeskUser { UserName = agent.PrimaryEmail, Email = agent.PrimaryEmail, EmailConfirmed = true, PersonId = agent.Id };
        var result = await users.CreateAsync(user, DemoAgentPassword);
        if (result.Succeeded) await users.AddToRoleAsync(user, ConsoleRoles.Agent);
    }

    private static Person Person(string name, string email, PersonRoles roles, DateTime now, Organization? org = null) =>
        new() { Name = name, PrimaryEmail = email, Roles = roles, CreatedAt = now, Organization = org };

    private static CaseLogEntry Entry(CaseLogKind log, string author, int authorId, string text, EntryOrigin origin, DateTime at) => new()
    {
        Log = log,
        AuthorName = author,
        AuthorId = authorId == 0 ? null : authorId,
        CreatedAt = at,
        Text = text,
        Format = TextFormat.Plain,
        Html = System.Net.WebUtility.HtmlEncode(text),
        Origin = origin,
    };
}
