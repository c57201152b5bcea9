using Helpdesk.Core.People;

namespace Helpdesk.Core.Departments;

public sealed class Department
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int? ManagerId { get; set; }
    public Person? Manager { get; set; }
    public List<Person> Members { get; set; } = [];

    /// <summary>Switches autoresponses off for this department's tickets.</summary>
    public bool AutorespondersDisabled { get; set; }

    /// <summary>Switches all agent alerts off for this department's tickets.</summary>
    public bool AlertsDisabled { get; set; }

    /// <summary>Alert recipient classes switched off for this department (comma-separated <c>AlertRecipient</c> names).</summary>
    public string? DisabledAlertRecipients { get; set; }
    public Correspondence.DepartmentRecipients Recipients { get; set; }
}
