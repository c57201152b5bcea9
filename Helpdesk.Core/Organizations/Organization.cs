namespace Helpdesk.Core.Organizations;

public sealed class Organization
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>Requests can be submitted to it (4me: a supplier is an organization; the Mail API's #supplier).</summary>
    public bool IsSupplier { get; set; }
}
