using Helpdesk.Core.Departments;
using Helpdesk.Core.People;

namespace Helpdesk.Core.Correspondence;

/// <summary>Agents with extended access to departments they are not members of.</summary>
public sealed class AgentGroup
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public List<Person> Members { get; set; } = [];
    public List<Department> Departments { get; set; } = [];
}
