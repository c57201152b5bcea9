using Helpdesk.Core.Organizations;
using Helpdesk.Core.Teams;

namespace Helpdesk.Core.ServiceCatalog;

/// <summary>
/// A first-line support agreement (4me): it covers the people of a customer organization, and its service-desk team
/// takes their mailed requests when no other rule chose a team.
/// </summary>
public sealed class SupportAgreement
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int CustomerOrganizationId { get; set; }
    public Organization? CustomerOrganization { get; set; }
    public int? ServiceDeskTeamId { get; set; }
    public Team? ServiceDeskTeam { get; set; }

    /// <summary>The SLA plan of covered people's requests when their service instance names none.</summary>
    public int? SlaPlanId { get; set; }
}
