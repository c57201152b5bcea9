using Helpdesk.Core.People;
using Microsoft.AspNetCore.Identity;

namespace Helpdesk.Core.Accounts;

/// <summary>A console login. Every login belongs to a <see cref="Person"/> (the agent's directory record).</summary>
public sealed class HelpdeskUser : IdentityUser
{
    public int PersonId { get; set; }
    public Person? Person { get; set; }

    /// <summary>The password was handed out (the generated administrator's one-time password): the console is closed until it is changed.</summary>
    public bool MustChangePassword { get; set; }
}
