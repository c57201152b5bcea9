using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Correspondence;

/// <summary>The wording of each automatic message: the administrator's template if saved, else a sensible default.</summary>
public static class CorrespondenceTemplates
{
    public static readonly IReadOnlyDictionary<CorrespondenceKind, (string Subject, string Body)> Defaults = new Dictionary<CorrespondenceKind, (string, string)>
    {
        [CorrespondenceKind.NewTicketAutoresponse] = ("$this->ref$: we received your request",
            "<p>Dear $this->caller_id_friendlyname$,</p><p>We received your request “$this->title$” and will get back to you.</p><p>$this->hyperlink()$</p>"),
        [CorrespondenceKind.NewMessageAutoresponse] = ("$this->ref$: we received your message",
            "<p>Hello,</p><p>Your message about “$this->title$” was added to $this->ref$.</p>$this->head(public_log)$"),
        [CorrespondenceKind.OverlimitNotice] = ("Your request was not registered",
            "<p>Dear $current_contact->name$,</p><p>You already have the maximum number of open requests. Please wait until one of them is resolved, or reply on an open request.</p>"),
        [CorrespondenceKind.DesiredCompletionNotice] = ("$this->ref$: desired completion $this->desired_completion_at$",
            "<p>Dear $this->requested_by_id_friendlyname$,</p><p>The desired completion of your request “$this->title$” is now: $this->desired_completion_at$ (empty: no longer set). The resolution target is $this->resolution_target_at$.</p><p>$this->hyperlink()$</p>"),
        [CorrespondenceKind.UnknownSenderNotice] = ("Re: $this->title$",
            "<p>Hello,</p><p>We received your message, but we could not register it: your address $current_contact->email$ is not known to our helpdesk. Please contact us through your usual support channel so we can add you.</p><p>This is an automatic message.</p>"),
        [CorrespondenceKind.InactiveSenderNotice] = ("Re: $this->title$",
            "<p>Hello,</p><p>We received your message, but we could not register it: your account with our helpdesk is no longer active. Please contact us through your usual support channel if you still need help.</p><p>This is an automatic message.</p>"),
        [CorrespondenceKind.NewTicketAlert] = ("New ticket $this->ref$: $this->title$",
            "<p>New ticket from $this->caller_id_friendlyname$ for $this->department_id_friendlyname$:</p>$this->head(public_log)$<p>$this->hyperlink()$</p>"),
        [CorrespondenceKind.NewMessageAlert] = ("New message on $this->ref$: $this->title$",
            "<p>$current_contact->name$ wrote:</p>$this->head(public_log)$<p>$this->hyperlink()$</p>"),
        [CorrespondenceKind.InternalNoteAlert] = ("Internal note on $this->ref$: $this->title$",
            "<p>$current_contact->name$ added an internal note:</p>$this->head(private_log)$<p>$this->hyperlink()$</p>"),
        [CorrespondenceKind.AssignmentAlert] = ("$this->ref$ assigned: $this->title$",
            "<p>$this->ref$ is now assigned to $this->agent_id_friendlyname$ / $this->team_id_friendlyname$.</p><p>$this->hyperlink()$</p>"),
        [CorrespondenceKind.TransferAlert] = ("$this->ref$ transferred to $this->department_id_friendlyname$",
            "<p>$current_contact->name$ transferred $this->ref$ “$this->title$” to $this->department_id_friendlyname$.</p><p>$this->hyperlink()$</p>"),
        [CorrespondenceKind.OverdueAlert] = ("Overdue: $this->title$",
            "<p>$this->ref$ (“$this->title$”, $this->team_id_friendlyname$, $this->agent_id_friendlyname$) is overdue.</p><p>$this->hyperlink()$</p>"),
        [CorrespondenceKind.MentionAlert] = ("$current_contact->name$ mentioned you on $this->ref$: $this->title$",
            "<p>$current_contact->name$ mentioned you in a private note:</p>$this->head(private_log)$<p>$this->hyperlink()$</p>"),
    };

    public static async Task<(string Subject, string Body)> ForAsync(HelpdeskDbContext db, CorrespondenceKind kind, CancellationToken ct)
    {
        var saved = await db.Set<MessageTemplate>().AsNoTracking().FirstOrDefaultAsync(t => t.Kind == kind, ct);
        return saved is null ? Defaults[kind] : (saved.Subject, saved.Body);
    }
}
