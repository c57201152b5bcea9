using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.ServiceCatalog;

/// <summary>Preset values for new requests; parameters and the mail's own subject and text override them.</summary>
public sealed class RequestTemplate
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Subject { get; set; }
    public string? Note { get; set; }
    public TicketCategory? Category { get; set; }
    public TicketImpact? Impact { get; set; }
    public int? TeamId { get; set; }
    public int? ServiceInstanceId { get; set; }

    /// <summary>
    /// Set when the template is linked to a change template: the manager of that change. A request from the template is
    /// then assigned to this person with the status Change pending (Mail API).
    /// </summary>
    public int? ChangeManagerId { get; set; }
}
