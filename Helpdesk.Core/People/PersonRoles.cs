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
