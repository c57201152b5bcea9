using Helpdesk.Core.Departments;
using Helpdesk.Core.Organizations;
using Helpdesk.Core.Teams;

namespace Helpdesk.Core.People;

/// <summary>A contact or an agent. Email addresses are unique across all people, case-insensitively.</summary>
public sealed class Person
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string PrimaryEmail { get; set; }
    public List<PersonEmail> OtherEmails { get; set; } = [];
    public int? OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public PersonRoles Roles { get; set; } = PersonRoles.EndUser;
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public List<Team> Teams { get; set; } = [];
    public List<Department> Departments { get; set; } = [];

    public bool HasRole(PersonRoles role) => (Roles & role) == role;
}
