using Helpdesk.Core.Departments;
using Helpdesk.Core.People;

namespace Helpdesk.Core.Teams;

public sealed class Team
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>Local part of the team's inbound address, e.g. "network" for network.&lt;account&gt;@domain.</summary>
    public string? InboundLocalPart { get; set; }
    public int? LeadId { get; set; }
    public Person? Lead { get; set; }
    public List<Person> Members { get; set; } = [];

    /// <summary>The department of tickets created for this team without one (e.g. mail to the team's address).</summary>
    public int? DepartmentId { get; set; }
    public Department? Department { get; set; }

    /// <summary>The help topic of tickets created by mail to the team's address (osTicket's per-address default topic).</summary>
    public int? DefaultHelpTopicId { get; set; }
}
