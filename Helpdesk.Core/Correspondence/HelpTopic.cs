namespace Helpdesk.Core.Correspondence;

/// <summary>What a ticket is about, chosen by the requester or the agent; a topic can switch autoresponses off.</summary>
public sealed class HelpTopic
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public bool AutorespondersDisabled { get; set; }

    /// <summary>The department a new ticket on this topic goes to (osTicket), unless one was chosen for it.</summary>
    public int? DepartmentId { get; set; }
}
