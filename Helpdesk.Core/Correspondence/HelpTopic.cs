namespace Helpdesk.Core.Correspondence;

/// <summary>What a ticket is about, chosen by the requester or the agent; a topic can switch autoresponses off.</summary>
public sealed class HelpTopic
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public bool AutorespondersDisabled { get; set; }
}
