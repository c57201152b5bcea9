using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Mail.Inbound.Parsing;
using Helpdesk.Core.Mail.Inbound.Policy;
using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Helpdesk.Core.Mail.Inbound.Processing;

/// <summary>
/// What a received mail leads to, worked out without changing anything: sender, automated mail and loops, threading
/// (replies, ticket numbers, other systems' numbers), event matching, the open-ticket limit, else a new request.
/// </summary>
public sealed class InboundDecider(
    InboundRouter router,
    MailLoopGuard loops,
    RequestBuilder requests,
    EventMatcher events,
    IOptions<InboundMailOptions> options,
    CorrespondenceSettings correspondence,
    EmailPolicySettings emailPolicy)
{
    /// <param name="mailbox">The mailbox the mail came from: its default help topic applies to a new request.</param>
    /// <param name="loopFacts">The claimed batch's loop-guard answers (<see cref="LoopGuardFacts"/>); null asks for this mail alone.</param>
    public async Task<InboundDecision> DecideAsync(HelpdeskDbContext db, MimeMessage message, InboundMailContent content, DateTime receivedAt, string? mailbox,
        LoopGuardFacts? loopFacts, CancellationToken ct)
    {
        var automated = AutomatedMailDetector.Classify(message, content.FromAddress, options.Value.Automated);
        if (content.FromAddress is null && automated.Kind != AutomatedMailKind.Report)
            return new QuarantineMail($"No usable sender: {content.SenderNote}");
        if (await loops.CheckAsync(db, automated, content, receivedAt, loopFacts, ct) is { } loop)
            return loop;
        var decision = await DecideForSenderAsync(db, message, content, receivedAt, mailbox, ct);
        return automated.IsAutomated ? decision with { AutomatedReason = automated.Reason } : decision;
    }

    private async Task<InboundDecision> DecideForSenderAsync(HelpdeskDbContext db, MimeMessage message, InboundMailContent content, DateTime receivedAt, string? mailbox, CancellationToken ct)
    {
        if (await SenderDirectory.FindAsync(db, content.FromAddress, ct) is { } known)
            return await DecideForAsync(db, message, content, receivedAt, mailbox, known, createSender: false, ct) with { Sender = known };
        if (await SenderDirectory.FindInactiveAsync(db, content.FromAddress, ct) is { } inactive)
            return new RejectSender($"Not registered: {content.FromAddress} belongs to {inactive.Name}, who is no longer active.",
                content.FromAddress!, RejectionReason.InactivePerson);
        if (await emailPolicy.GetAsync(db, ct) == UnknownSenderPolicy.Reject)
            return new RejectSender($"Not registered: no person has the address {content.FromAddress} (email policy: reject).", content.FromAddress!);
        var newcomer = new Person { Name = content.FromName ?? content.FromAddress!, PrimaryEmail = content.FromAddress!, Roles = PersonRoles.EndUser };
        return await DecideForAsync(db, message, content, receivedAt, mailbox, newcomer, createSender: true, ct);
    }

    private async Task<InboundDecision> DecideForAsync(HelpdeskDbContext db, MimeMessage message, InboundMailContent content, DateTime receivedAt, string? mailbox,
        Person sender, bool createSender, CancellationToken ct)
    {
        var route = await router.RouteAsync(db, content.Recipients, ct);
        var mail = new InboundContext(message, content, sender, route, mailbox);
        var external = ExternalTicketNumber.Find(message, content, options.Value.EffectiveExternalTicketPatterns);
        if (!createSender && await ThreadFinder.FindAsync(db, content, external, ct) is { } thread)
            return ReplyNote.Decide(mail, sender, thread.TicketId, thread.How);

        var built = await requests.BuildAsync(db, mail, sender, ct);
        var request = external is null ? built.Ticket : built.Ticket with { ExternalSystem = external.System, ExternalNumber = external.Number };
        var parsed = built.Parsed;
        var honoured = sender.HasRole(PersonRoles.Specialist) ? parsed.Parameters : [];
        if (!createSender && await events.MatchAsync(db, request, honoured, receivedAt, ct) is { } matched)
            return matched;
        if ((await correspondence.GetAsync(db, ct)).MaxOpenTicketsPerUser is > 0 and var max && !createSender)
        {
            var open = await db.Set<Ticket>().CountAsync(t => t.RequestedForId == request.RequestedForId
                && t.Status != TicketStatus.Completed && t.Status != TicketStatus.Closed, ct);
            if (open >= max)
                return new RefuseOverLimit($"Not registered: the requester already has {open} open tickets (the limit is {max}).", request.RequestedForId);
        }
        var mirrors = external is null ? "" : $" It mirrors {external.Number} of {external.System}.";
        return new CreateRequest($"A new request{(route.TeamName is null ? "" : $" for team {route.TeamName}")}; {route.Description}.{mirrors}", request, createSender)
        {
            Notes = request.AuditNotes,
            Parameters = built.Parameters,
            TemplateId = built.TemplateId,
        };
    }
}
