using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Common;
using Helpdesk.Core.HtmlSafety;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.Mail.Outbound.MailOut;
using Helpdesk.Core.Notifications.Oql;
using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Notifications;

public sealed record RenderedNotification(string Subject, string HtmlBody, string TextBody, IReadOnlyList<OutboxRecipient> Recipients, bool IsTest);

/// <summary>Resolves who receives an email action for a ticket and why, and renders it for the preview.</summary>
public sealed class NotificationRenderer(IOptions<HelpdeskOptions> helpdesk)
{
    /// <summary>Whoever the queries find may be outside: the mail carries nothing only the console could open.</summary>
    public static MailWording Wording(EmailAction action) => new(action.SubjectTemplate, action.BodyTemplate, MailAudience.Customers);

    public async Task<RenderedNotification> RenderAsync(HelpdeskDbContext db, EmailAction action, TicketFacts facts, CancellationToken ct)
    {
        var mail = Wording(action).Render(facts, helpdesk.Value.PublicUrl);
        return new RenderedNotification(mail.Subject, mail.HtmlBody, mail.TextBody, await RecipientsAsync(db, action, facts, ct), action.Status == ActionStatus.Test);
    }

    /// <param name="chosen">The agent's own To and Cc for a reply: they replace the action's To and Cc queries; its Bcc query still applies (Test status still wins).</param>
    /// <exception cref="OqlSyntaxException">A recipient query does not parse (saved before a rule changed).</exception>
    public static async Task<IReadOnlyList<OutboxRecipient>> RecipientsAsync(HelpdeskDbContext db, EmailAction action, TicketFacts facts, CancellationToken ct,
        EntryRecipients? chosen = null)
    {
        if (action.Status == ActionStatus.Test)
        {
            var test = action.TestRecipient ?? "";
            return [new OutboxRecipient(test, test, $"the test recipient of \"{action.Name}\" (status Test: the queries' recipients get nothing)")];
        }
        if (chosen is null) return await QueriedAsync(db, action, facts, ["To", "Cc", "Bcc"], ct);
        var picked = await ChosenAsync(db, chosen, ct);
        var bcc = await QueriedAsync(db, action, facts, ["Bcc"], ct);
        return [.. picked, .. bcc.Where(b => !picked.Any(p => p.Address.Equals(b.Address, StringComparison.OrdinalIgnoreCase)))];
    }

    /// <summary>Whom the action's recipient queries of <paramref name="fields"/> (To, Cc, Bcc) find for the ticket, whatever its status.</summary>
    /// <exception cref="OqlSyntaxException">A recipient query does not parse (saved before a rule changed).</exception>
    public static async Task<IReadOnlyList<OutboxRecipient>> QueriedAsync(HelpdeskDbContext db, EmailAction action, TicketFacts facts,
        IReadOnlyCollection<string> fields, CancellationToken ct)
    {
        var recipients = new List<OutboxRecipient>();
        foreach (var (field, query) in new[] { ("To", action.To), ("Cc", action.Cc), ("Bcc", action.Bcc) })
        {
            if (!fields.Contains(field) || string.IsNullOrWhiteSpace(query)) continue;
            var predicate = PersonQueryCompiler.Compile(PersonQueryCompiler.Validate(query), facts);
            var people = await db.Set<Person>().AsNoTracking().Where(predicate).OrderBy(p => p.Id).Select(p => new { p.Name, p.PrimaryEmail }).ToListAsync(ct);
            foreach (var person in people)
                if (!recipients.Any(r => r.Address.Equals(person.PrimaryEmail, StringComparison.OrdinalIgnoreCase)))
                    recipients.Add(new OutboxRecipient(person.PrimaryEmail, person.Name, Why(query, facts), field));
        }
        return recipients;
    }

    private static async Task<IReadOnlyList<OutboxRecipient>> ChosenAsync(HelpdeskDbContext db, EntryRecipients chosen, CancellationToken ct)
    {
        var addresses = chosen.All.ToList();
        var names = (await db.Set<Person>().AsNoTracking().Where(p => p.IsActive && addresses.Contains(p.PrimaryEmail))
            .Select(p => new { p.PrimaryEmail, p.Name }).ToListAsync(ct)).DistinctBy(p => p.PrimaryEmail.ToLowerInvariant())
            .ToDictionary(p => p.PrimaryEmail, p => p.Name, StringComparer.OrdinalIgnoreCase);
        return [.. chosen.To.Select(a => new OutboxRecipient(a, names.GetValueOrDefault(a), "chosen by the agent in the reply's To", "To")),
            .. chosen.Cc.Select(a => new OutboxRecipient(a, names.GetValueOrDefault(a), "chosen by the agent in the reply's Cc", "Cc"))];
    }

    /// <summary>The query with the ticket's values of its parameters, e.g. "… id = :this->caller_id, where :this->caller_id is 12 (Carl)".</summary>
    private static string Why(string query, TicketFacts facts)
    {
        var parameters = Parameters(PersonQueryCompiler.Validate(query).Where).DistinctBy(p => (p.Scope, p.Name)).Select(p =>
        {
            var resolved = OqlParameters.Resolve(p, facts);
            var value = resolved is IEnumerable<int> list ? (list.Any() ? $"[{string.Join(", ", list)}]" : null) : resolved;
            var friendly = p.Scope is null ? facts.CurrentContact?.Name : facts.FriendlyNames.GetValueOrDefault(p.Name.ToLowerInvariant());
            var name = p.Scope is null ? $":{p.Name}" : $":{p.Scope}->{p.Name}";
            return $"{name} is {value ?? "empty"}{(string.IsNullOrEmpty(friendly) ? "" : $" ({friendly})")}";
        }).ToList();
        return query.Trim() + (parameters.Count == 0 ? "" : ", where " + string.Join(" and ", parameters));
    }

    private static IEnumerable<OqlParameter> Parameters(OqlCondition? condition) => condition switch
    {
        OqlAnd and => Parameters(and.Left).Concat(Parameters(and.Right)),
        OqlOr or => Parameters(or.Left).Concat(Parameters(or.Right)),
        OqlComparison { Value: OqlParameter p } => [p],
        OqlIn @in => @in.Values.OfType<OqlParameter>(),
        _ => [],
    };
}
