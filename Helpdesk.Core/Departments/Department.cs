using Helpdesk.Core.People;

namespace Helpdesk.Core.Departments;

public sealed class Department
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int? ManagerId { get; set; }
    public Person? Manager { get; set; }
    public List<Person> Members { get; set; } = [];
}
