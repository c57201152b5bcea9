using Helpdesk.Core.Attachments;
using Helpdesk.Core.Common;
using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.CaseLog;

/// <summary>Builds a case-log entry with its rendered HTML and its attachments, ready to add to a context.</summary>
public sealed class CaseLogEntryFactory(CaseLogTextRenderer renderer, BlobStore blobs)
{
    public CaseLogEntry Create(Ticket ticket, CaseLogKind log, string text, TextFormat format,
        IReadOnlyList<StagedFile> files, Actor actor, EntryOrigin origin, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(text) && files.Count == 0)
            throw new ValidationFailedException("text", "Write something or attach a file before adding the entry.");
        var missing = files.FirstOrDefault(f => !blobs.Exists(f.Sha256));
        if (missing is not null)
            throw new ValidationFailedException("file", $"\"{missing.FileName}\" was not uploaded completely; add it again.");

        var entry = new CaseLogEntry
        {
            TicketId = ticket.Id,
            Log = log,
            AuthorId = actor.PersonId,
            AuthorName = actor.Name,
            CreatedAt = now,
            Text = text.Trim(),
            Format = format,
            Html = renderer.ToHtml(text.Trim(), format),
            Origin = origin,
        };
        entry.Attachments.AddRange(files.Select(f => new Attachment
        {
            TicketId = ticket.Id,
            FileName = f.FileName,
            ContentType = f.ContentType,
            Size = f.Size,
            Sha256 = f.Sha256,
            IsInline = f.IsInline,
            ContentId = f.ContentId,
            CreatedAt = now,
            UploadedById = actor.PersonId,
        }));
        return entry;
    }

    /// <summary>
    /// Points inline images of HTML mail ("cid:…") at their stored attachments, so they show in the console.
    /// Call once the attachments have ids (after saving); the next save stores the updated HTML.
    /// </summary>
    public static void LinkInlineImages(CaseLogEntry entry)
    {
        foreach (var attachment in entry.Attachments.Where(a => a.ContentId is not null && a.Id > 0))
        {
            var cid = attachment.ContentId!.Trim('<', '>');
            entry.Html = entry.Html.Replace($"cid:{cid}", $"/attachments/{attachment.Id}", StringComparison.OrdinalIgnoreCase);
        }
    }
}
