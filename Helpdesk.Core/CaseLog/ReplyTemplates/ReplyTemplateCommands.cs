using Helpdesk.Core.Common;
using Helpdesk.Core.Notifications.Templates;
using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.CaseLog.ReplyTemplates;

public sealed record ReplyTemplateRow(int Id, string Name, string Body);

/// <summary>Creates or edits a reply template; a body whose placeholders the mail renderer does not know is refused.</summary>
public sealed class SaveReplyTemplateCommand(IDbContextFactory<HelpdeskDbContext> contextFactory, TimeProvider clock)
{
    public async Task<int> ExecuteAsync(int? id, string name, string body, CancellationToken ct = default)
    {
        var cleanName = name?.Trim() ?? "";
        var cleanBody = body?.Trim() ?? "";
        var errors = new Dictionary<string, string>();
        if (cleanName.Length == 0) errors["name"] = "A name is required.";
        else if (cleanName.Length > ReplyTemplateCommands.MaxNameLength) errors["name"] = $"The name can have at most {ReplyTemplateCommands.MaxNameLength} characters.";
        if (cleanBody.Length == 0) errors["body"] = "The text is required.";
        else if (ReplyTemplateCommands.SyntaxError(cleanBody) is { } syntax) errors["body"] = syntax;
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        if (await db.Set<ReplyTemplate>().AnyAsync(t => t.Id != id && t.Name == cleanName, ct))
            throw new ValidationFailedException("name", $"A reply template named {cleanName} already exists.");
        var template = id is { } existing
            ? await db.Set<ReplyTemplate>().FirstOrDefaultAsync(t => t.Id == existing, ct) ?? throw new NotFoundException("That reply template no longer exists.")
            : db.Add(new ReplyTemplate { Name = cleanName, Body = cleanBody }).Entity;
        template.Name = cleanName;
        template.Body = cleanBody;
        template.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesOrRefuseDuplicateAsync("name", $"A reply template named {cleanName} was just added by someone else.", ct);
        return template.Id;
    }
}

public sealed class DeleteReplyTemplateCommand(IDbContextFactory<HelpdeskDbContext> contextFactory)
{
    public async Task ExecuteAsync(int id, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        await db.Set<ReplyTemplate>().Where(t => t.Id == id).ExecuteDeleteAsync(ct);
    }
}

public sealed class ReplyTemplateListQuery(IDbContextFactory<HelpdeskDbContext> contextFactory)
{
    public async Task<IReadOnlyList<ReplyTemplateRow>> ExecuteAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.Set<ReplyTemplate>().AsNoTracking().OrderBy(t => t.Name).Select(t => new ReplyTemplateRow(t.Id, t.Name, t.Body)).ToListAsync(ct);
    }
}

internal static class ReplyTemplateCommands
{
    public const int MaxNameLength = 100;

    public static string? SyntaxError(string body)
    {
        try
        {
            MailTemplate.Parse(body);
            return null;
        }
        catch (TemplateSyntaxException ex)
        {
            return $"{ex.Message}. Placeholders look like $this->title$ or $current_contact->name$.";
        }
    }
}
