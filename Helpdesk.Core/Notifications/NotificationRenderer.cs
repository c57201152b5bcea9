using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Common;
using Helpdesk.Core.HtmlSafety;
using Helpdesk.Core.Mail.Inbound.Parsing;
using Helpdesk.Core.Notifications.Oql;
using Helpdesk.Core.Notifications.Templates;
using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Notifications;

public sealed record RecipientReason(string Address, string Name, string Field, string Why);

public sealed record RenderedNotification(string Subject, string HtmlBody, string TextBody, IReadOnlyList<RecipientReason> Recipients, bool IsTest);

/// <summary>Renders an email action for a ticket and resolves who receives it and why (used to send and to preview).</summary>
public sealed class NotificationRenderer(IOptions<HelpdeskOptions> helpdesk)
{
    /// <param name="chosen">The agent's own To and Cc for a reply: they replace the action's recipient queries (Test status still wins).</param>
    public async Task<RenderedNotification> RenderAsync(HelpdeskDbContext db, EmailAction action, TicketFacts facts, CancellationToken ct,
        EntryRecipients? chosen = null)
    {
        var url = helpdesk.Value.PublicUrl;
        var subject = MailTemplate.Parse(action.SubjectTemplate).RenderText(facts, url).ReplaceLineEndings(" ").Trim();
        subject = TicketNumber.EnsureInSubject(subject, (int)facts.Value("id")!);
        // Whoever the queries find may be outside: the mail carries nothing only the console could open.
        var html = MailTemplate.Parse(action.BodyTemplate).RenderHtml(facts, url, MailAudience.Customers);
        var text = HtmlTextExtractor.Convert(html);

        if (action.Status == ActionStatus.Test)
        {
            var test = action.TestRecipient ?? "";
            return new RenderedNotification(subject, html, text,
                [new RecipientReason(test, test, "To", $"the test recipient of \"{action.Name}\" (status Test: the queries' recipients get nothing)")], IsTest: true);
        }
        if (chosen is not null) return new RenderedNotification(subject, html, text, await ChosenAsync(db, chosen, ct), IsTest: false);
        var recipients = new List<RecipientReason>();
        foreach (var (field, query) in new[] { ("To", action.To), ("Cc", action.Cc), ("Bcc", action.Bcc) })
        {
            if (string.IsNullOrWhiteSpace(query)) continue;
            var predicate = PersonQueryCompiler.Compile(PersonQueryCompiler.Validate(query), facts);
            var people = await db.Set<Person>().AsNoTracking().Where(predicate).OrderBy(p => p.Id).Select(p => new { p.Name, p.PrimaryEmail }).ToListAsync(ct);
            foreach (var person in people)
                if (!recipients.Any(r => r.Address.Equals(person.PrimaryEmail, StringComparison.OrdinalIgnoreCase)))
                    recipients.Add(new RecipientReason(person.PrimaryEmail, person.Name, field, Why(query, facts)));
        }
        return new RenderedNotification(subject, html, text, recipients, IsTest: false);
    }

    private static async Task<IReadOnlyList<RecipientReason>> ChosenAsync(HelpdeskDbContext db, EntryRecipients chosen, CancellationToken ct)
    {
        var addresses = chosen.All.ToList();
        var names = (await db.Set<Person>().AsNoTracking().Where(p => p.IsActive && addresses.Contains(p.PrimaryEmail))
            .Select(p => new { p.PrimaryEmail, p.Name }).ToListAsync(ct)).DistinctBy(p => p.PrimaryEmail.ToLowerInvariant())
            .ToDictionary(p => p.PrimaryEmail, p => p.Name, StringComparer.OrdinalIgnoreCase);
        return [.. chosen.To.Select(a => new RecipientReason(a, names.GetValueOrDefault(a, ""), "To", "chosen by the agent in the reply's To")),
            .. chosen.Cc.Select(a => new RecipientReason(a, names.GetValueOrDefault(a, ""), "Cc", "chosen by the agent in the reply's Cc"))];
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
