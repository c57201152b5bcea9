using System.Security.Cryptography;
using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Accounts;

/// <summary>Creates the roles, and an administrator when none exists, so a fresh install can be logged into.</summary>
internal sealed class AdminBootstrapper(
    IServiceScopeFactory scopeFactory,
    IOptions<AdminBootstrapOptions> options,
    TimeProvider clock,
    ILogger<AdminBootstrapper> logger) : IStartupSeeder
{
    public int Order => 0;

    public async Task SeedAsync(CancellationToken ct)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        if (await AlreadyDoneAsync(scope.ServiceProvider.GetRequiredService<HelpdeskDbContext>(), roles, ct)) return;
        foreach (var role in ConsoleRoles.All)
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)));

        var users = scope.ServiceProvider.GetRequiredService<UserManager<HelpdeskUser>>();
        if ((await users.GetUsersInRoleAsync(ConsoleRoles.Administrator)).Count > 0) return;

        var settings = options.Value;
        var db = scope.ServiceProvider.GetRequiredService<HelpdeskDbContext>();
        var person = await db.Set<Person>().FirstOrDefaultAsync(p => p.PrimaryEmail == settings.Email, ct);
        if (person is null)
        {
            person = new Person { Name = settings.Name, PrimaryEmail = settings.Email, CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.Add(person);
        }
        person.Roles |= PersonRoles.Agent | PersonRoles.Supervisor | PersonRoles.Administrator | PersonRoles.Specialist | PersonRoles.ServiceDeskAnalyst;
        await db.SaveChangesAsync(ct);

        var generated = string.IsNullOrEmpty(settings.Password);
        var password = generated ? GeneratePassword() : settings.Password!;
        var user = new HelpdeskUser { UserName = settings.Email, Email = settings.Email, EmailConfirmed = true, PersonId = person.Id, MustChangePassword = generated };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRolesAsync(user, ConsoleRoles.All));
        if (generated)
            // Set apart from the rest of the start-up log: this is the one thing a newcomer must find in it, and it is shown once.
            logger.LogInformation("""
                Created administrator {Email} with one-time password {Password}

                ================================================================
                  Log in as:          {Email}
                  One-time password:  {Password}
                  You choose a new password at the first login.
                ================================================================

                """, settings.Email, password, settings.Email, password);
        else
            logger.LogInformation("Created administrator {Email} from configuration.", settings.Email);
    }

    // Every start but the first finds the roles and an administrator there: asked in plain SQL, that answer costs no
    // LINQ query compilation (Identity's managers would compile one query per question).
    private static async Task<bool> AlreadyDoneAsync(HelpdeskDbContext db, RoleManager<IdentityRole> roles, CancellationToken ct)
    {
        var role = db.Model.FindEntityType(typeof(IdentityRole))!;
        var userRole = db.Model.FindEntityType(typeof(IdentityUserRole<string>))!;
        string Column(IEntityType entity, string property) => $"\"{entity.FindProperty(property)!.GetColumnName()}\"";
        var name = Column(role, nameof(IdentityRole.NormalizedName));
        var existing = await db.ColumnAsync($"SELECT {name} FROM \"{role.GetTableName()}\"", ct);
        var held = await db.ColumnAsync(
            $"SELECT DISTINCT r.{name} FROM \"{userRole.GetTableName()}\" u JOIN \"{role.GetTableName()}\" r " +
            $"ON r.{Column(role, nameof(IdentityRole.Id))} = u.{Column(userRole, nameof(IdentityUserRole<string>.RoleId))}", ct);
        return ConsoleRoles.All.All(r => existing.Contains(roles.NormalizeKey(r))) && held.Contains(roles.NormalizeKey(ConsoleRoles.Administrator));
    }

    private static string GeneratePassword() =>
        "Hd-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', 'x').Replace('/', 'y') + "9";

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException("Administrator bootstrap failed: " + string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
