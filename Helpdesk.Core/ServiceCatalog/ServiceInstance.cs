using Helpdesk.Core.Teams;

namespace Helpdesk.Core.ServiceCatalog;

/// <summary>A service as delivered to customers, with the teams that support it.</summary>
public sealed class ServiceInstance
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int? FirstLineTeamId { get; set; }
    public Team? FirstLineTeam { get; set; }
    public int? SupportTeamId { get; set; }
    public Team? SupportTeam { get; set; }

    /// <summary>The SLA plan of requests for this service (4me: the service level agreement's targets).</summary>
    public int? SlaPlanId { get; set; }
}
