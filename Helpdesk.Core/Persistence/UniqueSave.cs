using Helpdesk.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Persistence;

public static class UniqueSave
{
    /// <summary>
    /// Saves; when another save took the same unique value between the command's check and this save, the form gets
    /// <paramref name="message"/> on <paramref name="field"/> instead of a database error.
    /// </summary>
    public static async Task SaveChangesOrRefuseDuplicateAsync(this DbContext db, string field, string message, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex.InnerException))
        {
            throw new ValidationFailedException(field, message);
        }
    }
}
