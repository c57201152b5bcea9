using Helpdesk.Core.Accounts;
using Helpdesk.Core.Common;
using Helpdesk.Core.Organizations;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.People;

public sealed record PersonInput(int? Id, string Name, string PrimaryEmail, IReadOnlyList<string> OtherEmails, int? OrganizationId, PersonRoles Roles, bool IsActive);

/// <summary>Creates or updates a person. Every address is unique across all people, case-insensitively.</summary>
public sealed class SavePersonCommand(IDbContextFactory<HelpdeskDbContext> contextFactory, TimeProvider clock)
{
    public async Task<int> ExecuteAsync(PersonInput input, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var errors = new Dictionary<string, string>();
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0) errors["name"] = "A name is required.";
        else if (name.Length > 200) errors["name"] = "The name is longer than 200 characters.";
        var primary = Normalize(input.PrimaryEmail);
        var others = input.OtherEmails.Select(Normalize).Where(e => e.Length > 0).ToList();
        if (!EmailAddresses.IsPlain(primary)) errors["primaryEmail"] = "Enter a valid email address.";
        if (others.FirstOrDefault(e => !EmailAddresses.IsPlain(e)) is { } bad) errors["otherEmails"] = $"\"{bad}\" is not a valid email address.";
        else if (others.Concat([primary]).GroupBy(e => e).FirstOrDefault(g => g.Count() > 1) is { } twice) errors["otherEmails"] = $"{twice.Key} is listed twice.";
        if (!errors.ContainsKey("primaryEmail") && !errors.ContainsKey("otherEmails"))
        {
            var all = others.Append(primary).ToList();
            var takenPrimary = await db.Set<Person>().Where(p => p.Id != input.Id && all.Contains(p.PrimaryEmail)).Select(p => new { p.PrimaryEmail, p.Name }).FirstOrDefaultAsync(ct);
            var takenOther = await db.Set<PersonEmail>().Where(e => e.PersonId != input.Id && all.Contains(e.Address)).Select(e => e.Address).FirstOrDefaultAsync(ct);
            if (takenPrimary is not null) errors[takenPrimary.PrimaryEmail == primary ? "primaryEmail" : "otherEmails"] = $"{takenPrimary.PrimaryEmail} already belongs to {takenPrimary.Name}.";
            else if (takenOther is not null) errors[takenOther == primary ? "primaryEmail" : "otherEmails"] = $"{takenOther} already belongs to another person.";
        }
        if (input.OrganizationId is { } org && !await db.Set<Organization>().AnyAsync(o => o.Id == org, ct))
            errors["organization"] = "The organization does not exist.";
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        var person = input.Id is { } id
            ? await db.Set<Person>().Include(p => p.OtherEmails).FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("That person no longer exists.")
            : db.Add(new Person { Name = name, PrimaryEmail = primary, CreatedAt = clock.GetUtcNow().UtcDateTime }).Entity;
        person.Name = name;
        person.PrimaryEmail = primary;
        person.OrganizationId = input.OrganizationId;
        person.Roles = input.Roles;
        person.IsActive = input.IsActive;
        person.OtherEmails.RemoveAll(e => !others.Contains(e.Address));
        person.OtherEmails.AddRange(others.Where(a => person.OtherEmails.All(e => e.Address != a)).Select(a => new PersonEmail { Address = a }));
        if (input.Id is not null) await KeepLoginInStepAsync(db, person, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new ValidationFailedException("primaryEmail", "One of these addresses was just taken by another person; check and save again.");
        }
        return person.Id;
    }

    /// <summary>The person's login signs in with their primary email; deactivation ends its open sessions.</summary>
    private static async Task KeepLoginInStepAsync(HelpdeskDbContext db, Person person, CancellationToken ct)
    {
        if (await db.Set<HelpdeskUser>().FirstOrDefaultAsync(u => u.PersonId == person.Id, ct) is not { } login) return;
        var emailChanged = !string.Equals(login.Email, person.PrimaryEmail, StringComparison.OrdinalIgnoreCase);
        if (emailChanged)
        {
            login.Email = login.UserName = person.PrimaryEmail;
            login.NormalizedEmail = login.NormalizedUserName = person.PrimaryEmail.ToUpperInvariant();
        }
        if (emailChanged || !person.IsActive)
            login.SecurityStamp = Guid.NewGuid().ToString("N");
    }

    private static string Normalize(string? email) => (email ?? "").Trim().ToLowerInvariant();
}

public sealed record PersonRow(int Id, string Name, string PrimaryEmail, IReadOnlyList<string> OtherEmails, int? OrganizationId, string? OrganizationName, PersonRoles Roles, bool IsActive, int Tickets);

public sealed record PersonPage(IReadOnlyList<PersonRow> Items, int TotalCount);

public sealed class PersonListQuery(IDbContextFactory<HelpdeskDbContext> contextFactory)
{
    public async Task<PersonPage> ExecuteAsync(string? text, int page, int pageSize, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var people = db.Set<Person>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var pattern = "%" + text.Trim() + "%";
            people = people.Where(p => EF.Functions.Like(p.Name, pattern) || EF.Functions.Like(p.PrimaryEmail, pattern) || p.OtherEmails.Any(e => EF.Functions.Like(e.Address, pattern)));
        }
        var total = await people.CountAsync(ct);
        var items = await people.OrderBy(p => p.Name).Skip(Math.Max(0, page) * pageSize).Take(Math.Clamp(pageSize, 1, 200))
            .Select(p => new PersonRow(p.Id, p.Name, p.PrimaryEmail, p.OtherEmails.Select(e => e.Address).ToList(), p.OrganizationId,
                p.Organization == null ? null : p.Organization.Name, p.Roles, p.IsActive, db.Set<Ticket>().Count(t => t.RequestedForId == p.Id)))
            .ToListAsync(ct);
        return new PersonPage(items, total);
    }
}
