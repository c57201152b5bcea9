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
}
