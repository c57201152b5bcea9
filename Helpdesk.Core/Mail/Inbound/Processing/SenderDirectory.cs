using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Mail.Inbound.Processing;

/// <summary>Finds the Person behind an address: primary email first, then the other emails (as the Mail API does).</summary>
public static class SenderDirectory
{
    /// <returns>The person with all their addresses (alerts about the sender's change leave every one of them out).</returns>
    public static async Task<Person?> FindAsync(HelpdeskDbContext db, string? address, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(address)) return null;
        return await db.Set<Person>().Include(p => p.OtherEmails).FirstOrDefaultAsync(p => p.PrimaryEmail == address && p.IsActive, ct)
            ?? await db.Set<Person>().Include(p => p.OtherEmails).FirstOrDefaultAsync(p => p.IsActive && p.OtherEmails.Any(e => e.Address == address), ct);
    }

    /// <summary>An inactive person with the address: their mail is refused, and no second person may be created for it.</summary>
    public static async Task<Person?> FindInactiveAsync(HelpdeskDbContext db, string? address, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(address)) return null;
        return await db.Set<Person>().FirstOrDefaultAsync(p => !p.IsActive && (p.PrimaryEmail == address || p.OtherEmails.Any(e => e.Address == address)), ct);
    }

    public static async Task<Person?> FindByIdAsync(HelpdeskDbContext db, string? id, CancellationToken ct) =>
        int.TryParse(id, out var value) ? await db.Set<Person>().FirstOrDefaultAsync(p => p.Id == value && p.IsActive, ct) : null;
}
