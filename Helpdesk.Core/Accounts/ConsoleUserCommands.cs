using Helpdesk.Core.Common;
using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Core.Accounts;

public sealed record ConsoleUserRow(string Id, int PersonId, string Name, string Email, IReadOnlyList<string> Roles, DateTimeOffset? LockedUntil);

/// <summary>
/// Console logins: create one for a person, change roles, reset or change a password, unlock. Each call uses its own
/// scope, so no Identity DbContext outlives the operation. The last administrator cannot lose the role.
/// </summary>
public sealed class ConsoleUsers(IServiceScopeFactory scopes, IDbContextFactory<HelpdeskDbContext> contextFactory)
{
    public async Task<IReadOnlyList<ConsoleUserRow>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var users = await db.Set<HelpdeskUser>().AsNoTracking().Include(u => u.Person).OrderBy(u => u.Email).ToListAsync(ct);
        var roles = await (from ur in db.Set<IdentityUserRole<string>>()
                           join r in db.Set<IdentityRole>() on ur.RoleId equals r.Id
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        return [.. users.Select(u => new ConsoleUserRow(u.Id, u.PersonId, u.Person?.Name ?? u.Email!, u.Email!,
            [.. roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order()], u.LockoutEnd > DateTimeOffset.UtcNow ? u.LockoutEnd : null))];
    }

    public Task CreateAsync(int personId, string password, IReadOnlyList<string> roles, CancellationToken ct = default) => WithUsersAsync(async (users, db) =>
    {
        var person = await db.Set<Person>().FirstOrDefaultAsync(p => p.Id == personId, ct) ?? throw new NotFoundException("That person no longer exists.");
        if (await db.Set<HelpdeskUser>().AnyAsync(u => u.PersonId == personId, ct))
            throw new ValidationFailedException("person", $"{person.Name} already has a login.");
        CheckRoles(roles);
        var user = new HelpdeskUser { UserName = person.PrimaryEmail, Email = person.PrimaryEmail, EmailConfirmed = true, PersonId = person.Id };
        Check(await users.CreateAsync(user, password), "password");
        Check(await users.AddToRolesAsync(user, roles), "roles");
        person.Roles |= RoleFlags(roles);
        await db.SaveChangesAsync(ct);
    });

    public Task SetRolesAsync(string userId, IReadOnlyList<string> roles, CancellationToken ct = default) => WithUsersAsync(async (users, db) =>
    {
        CheckRoles(roles);
        var user = await users.FindByIdAsync(userId) ?? throw new NotFoundException("That login no longer exists.");
        var current = await users.GetRolesAsync(user);
        if (current.Contains(ConsoleRoles.Administrator) && !roles.Contains(ConsoleRoles.Administrator)
            && (await users.GetUsersInRoleAsync(ConsoleRoles.Administrator)).Count <= 1)
            throw new ValidationFailedException("roles", "This is the last administrator; make someone else an administrator first.");
        Check(await users.RemoveFromRolesAsync(user, current.Except(roles)), "roles");
        Check(await users.AddToRolesAsync(user, roles.Except(current)), "roles");
        // Open sessions carry the old roles; a new stamp makes them sign in again (see the revalidating state provider).
        Check(await users.UpdateSecurityStampAsync(user), "roles");
        var person = await db.Set<Person>().FirstAsync(p => p.Id == user.PersonId, ct);
        person.Roles = (person.Roles & ~RoleFlags(ConsoleRoles.All)) | RoleFlags(roles);
        await db.SaveChangesAsync(ct);
    });

    public Task ResetPasswordAsync(string userId, string newPassword, CancellationToken ct = default) => WithUsersAsync(async (users, _) =>
    {
        var user = await users.FindByIdAsync(userId) ?? throw new NotFoundException("That login no longer exists.");
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Check(await users.ResetPasswordAsync(user, token, newPassword), "password");
        await users.SetLockoutEndDateAsync(user, null);
    });

    public Task ChangeOwnPasswordAsync(string userId, string currentPassword, string newPassword, CancellationToken ct = default) => WithUsersAsync(async (users, _) =>
    {
        var user = await users.FindByIdAsync(userId) ?? throw new NotFoundException("Your login no longer exists.");
        if (newPassword == currentPassword)
            throw new ValidationFailedException("newPassword", "Choose a password other than the current one.");
        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            throw new ValidationFailedException("currentPassword", "The current password is not right.");
        Check(result, "newPassword");
        if (user.MustChangePassword)
        {
            user.MustChangePassword = false;
            Check(await users.UpdateAsync(user), "newPassword");
        }
    });

    /// <summary>Whether the login still has to replace a handed-out password (see <see cref="HelpdeskUser.MustChangePassword"/>).</summary>
    public async Task<bool> MustChangePasswordAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.Set<HelpdeskUser>().Where(u => u.Id == userId).Select(u => u.MustChangePassword).FirstOrDefaultAsync(ct);
    }

    public Task UnlockAsync(string userId, CancellationToken ct = default) => WithUsersAsync(async (users, _) =>
    {
        var user = await users.FindByIdAsync(userId) ?? throw new NotFoundException("That login no longer exists.");
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
    });

    private async Task WithUsersAsync(Func<UserManager<HelpdeskUser>, HelpdeskDbContext, Task> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<UserManager<HelpdeskUser>>(), scope.ServiceProvider.GetRequiredService<HelpdeskDbContext>());
    }

    private static void CheckRoles(IReadOnlyList<string> roles)
    {
        if (roles.Count == 0 || roles.Any(r => !ConsoleRoles.All.Contains(r)))
            throw new ValidationFailedException("roles", $"Choose at least one of {string.Join(", ", ConsoleRoles.All)}.");
    }

    private static PersonRoles RoleFlags(IEnumerable<string> roles) => roles.Aggregate(PersonRoles.None, (flags, role) => flags | role switch
    {
        ConsoleRoles.Administrator => PersonRoles.Administrator,
        ConsoleRoles.Supervisor => PersonRoles.Supervisor,
        ConsoleRoles.Agent => PersonRoles.Agent,
        _ => PersonRoles.None,
    });

    private static void Check(IdentityResult result, string field)
    {
        if (!result.Succeeded) throw new ValidationFailedException(field, string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
