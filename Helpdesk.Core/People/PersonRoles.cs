namespace Helpdesk.Core.People;

[Flags]
public enum PersonRoles
{
    None = 0,
    EndUser = 1,
    Specialist = 2,
    ServiceDeskAnalyst = 4,
    Agent = 8,
    Supervisor = 16,
    Administrator = 32,
}

public static class PersonRolesLabels
{
    public static readonly IReadOnlyList<PersonRoles> Each =
        [PersonRoles.EndUser, PersonRoles.Specialist, PersonRoles.ServiceDeskAnalyst, PersonRoles.Agent, PersonRoles.Supervisor, PersonRoles.Administrator];

    /// <summary>One role in words ("Service desk analyst"), or several joined with commas.</summary>
    public static string Label(this PersonRoles roles) => roles == PersonRoles.None
        ? "No role"
        : string.Join(", ", Each.Where(r => roles.HasFlag(r)).Select(r => r switch
        {
            PersonRoles.EndUser => "End user",
            PersonRoles.ServiceDeskAnalyst => "Service desk analyst",
            _ => r.ToString(),
        }));
}
