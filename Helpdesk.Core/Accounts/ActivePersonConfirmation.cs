using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Accounts;

/// <summary>A login may sign in only while its person is active: deactivating an agent in the directory locks them out.</summary>
public sealed class ActivePersonConfirmation(IDbContextFactory<HelpdeskDbContext> contextFactory) : IUserConfirmation<HelpdeskUser>
{
    public async Task<bool> IsConfirmedAsync(UserManager<HelpdeskUser> manager, HelpdeskUser user)
    {
        await using var db = await contextFactory.CreateDbContextAsync();
        return await db.Set<Person>().AnyAsync(p => p.Id == user.PersonId && p.IsActive);
    }
}
