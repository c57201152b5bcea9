namespace Helpdesk.Core.Mail.Outbound.MailOut;

/// <summary>An intent after de-duplication: the recipients it keeps, and those another source of the event reaches instead.</summary>
public sealed record PlannedMail(MailIntent Intent, IReadOnlyList<OutboxRecipient> Recipients, IReadOnlyList<CoveredRecipient> Covered);

public sealed record CoveredRecipient(OutboxRecipient Recipient, MailSource By);

/// <summary>
/// Who mails an address that several sources of one event reach. An administrator's trigger wins: it is their explicit
/// choice for that event, so the address gets the trigger's mail and no built-in autoresponse or alert, and two triggers
/// that reach it send one mail (the first trigger's, by id). Built-in messages do not cover each other: each says
/// something different (a new ticket, its assignment, its desired completion) and already names each address once.
/// </summary>
public static class RecipientPrecedence
{
    public static IReadOnlyList<PlannedMail> Apply(IEnumerable<MailIntent> intents)
    {
        var coveredBy = new Dictionary<string, MailSource>(StringComparer.OrdinalIgnoreCase);
        var plan = new List<PlannedMail>();
        foreach (var intent in intents.OrderByDescending(i => i.Source.IsAdministratorsChoice))
        {
            var kept = new List<OutboxRecipient>();
            var covered = new List<CoveredRecipient>();
            foreach (var recipient in intent.Recipients.Where(r => !string.IsNullOrWhiteSpace(r.Address)))
            {
                if (coveredBy.TryGetValue(recipient.Address, out var by) && by != intent.Source)
                {
                    covered.Add(new CoveredRecipient(recipient, by));
                    continue;
                }
                kept.Add(recipient);
                if (intent.Source.IsAdministratorsChoice) coveredBy.TryAdd(recipient.Address, intent.Source);
            }
            plan.Add(new PlannedMail(intent, WithSomeoneInTo(kept), covered));
        }
        return plan;
    }

    /// <summary>When the addressee went to a trigger's mail, the first one copied is addressed instead.</summary>
    private static List<OutboxRecipient> WithSomeoneInTo(List<OutboxRecipient> kept)
    {
        if (kept.Any(r => r.Field == "To")) return kept;
        var firstCopied = kept.FindIndex(r => r.Field == "Cc");
        if (firstCopied >= 0) kept[firstCopied] = kept[firstCopied] with { Field = "To" };
        return kept;
    }
}
