using Helpdesk.Core.Persistence;
using Helpdesk.Core.SharedState;
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
        [CorrespondenceKind.SystemMailFetchFails] = ("[Helpdesk system alert] Fetching mail from $alert->source$ fails",
            "<p>The helpdesk cannot fetch mail from the mailbox “$alert->source$” since $alert->time$: $alert->reason$</p><p>It keeps retrying; you get this once per failure episode.</p>"),
        [CorrespondenceKind.SystemMailProcessingFails] = ("[Helpdesk system alert] Processing fetched mail fails",
            "<p>Mail from “$alert->source$” is fetched and stored, but turning it into tickets fails: $alert->reason$</p><p>The stored mail stays pending and is processed once this is fixed; you get this once per failure episode.</p>"),
        [CorrespondenceKind.SystemMailSendingFails] = ("[Helpdesk system alert] Sending mail fails",
            "<p>$alert->reason$</p><p>Mail stays in the outbox and is retried; this alert is sent once per failure episode (it goes out when sending works again).</p>"),
        [CorrespondenceKind.SystemDatabaseError] = ("[Helpdesk system alert] Unexpected database error",
            "<p>A database command failed at $alert->time$: $alert->reason$</p><p>$alert->details$</p><p>You get at most one database alert per $alert->interval$; the application log has every error.</p>"),
        [CorrespondenceKind.SystemExcessiveLogins] = ("[Helpdesk system alert] Excessive failed logins",
            "<p>$alert->reason$ Check whether someone is guessing passwords.</p><p>$alert->details$</p><p>You get at most one excessive-login alert per $alert->interval$.</p>"),
    };

    /// <summary>Read once per inbound batch (<see cref="BatchSettings"/>).</summary>
    public static Task<(string Subject, string Body)> ForAsync(HelpdeskDbContext db, CorrespondenceKind kind, CancellationToken ct) =>
        BatchSettings.ReadAsync($"{SettingsChanges.Notifications}:template:{kind}", async () =>
        {
            var saved = await db.Set<MessageTemplate>().AsNoTracking().FirstOrDefaultAsync(t => t.Kind == kind, ct);
            return saved is null ? Defaults[kind] : (saved.Subject, saved.Body);
        });
}
