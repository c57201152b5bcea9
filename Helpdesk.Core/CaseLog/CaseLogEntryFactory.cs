using Helpdesk.Core.Attachments;
using Helpdesk.Core.Common;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.CaseLog;

/// <summary>Builds a case-log entry with its rendered HTML and its attachments, ready to add to a context.</summary>
public sealed class CaseLogEntryFactory(CaseLogHtml html, BlobStore blobs)
{
    /// <summary>The entry's inline images ("cid:…") have no console address yet: call <see cref="LinkInlineImages"/> after saving.</summary>
    /// <param name="db">The context the entry is saved with: files stored within its transaction count as uploaded.</param>
    /// <param name="source">The received mail the entry comes from, if it does.</param>
    public CaseLogEntry Create(HelpdeskDbContext db, Ticket ticket, CaseLogKind log, string text, TextFormat format,
        IReadOnlyList<StagedFile> files, Actor actor, EntryOrigin origin, DateTime now, (string? MessageId, long? InboundId) source = default)
    {
        if (string.IsNullOrWhiteSpace(text) && files.Count == 0)
            throw new ValidationFailedException("text", "Write something or attach a file before adding the entry.");
        var missing = files.FirstOrDefault(f => !blobs.Exists(f.Sha256, db));
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
            Html = "",
            Origin = origin,
            SourceMessageId = source.MessageId,
            SourceInboundId = source.InboundId,
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
        html.Render(entry, ticket.SourceInboundId);
        return entry;
    }

    /// <summary>Renders the entry again now that its attachments have ids, so its inline images show; the next save stores it.</summary>
    public void LinkInlineImages(CaseLogEntry entry, Ticket ticket)
    {
        // Without inline images it would render the same again.
        if (CaseLogHtml.HasInlineImages(entry)) html.Render(entry, ticket.SourceInboundId);
    }
}
