namespace Helpdesk.Core.ServiceCatalog;

/// <summary>An organization a request can be submitted to (the Mail API's "supplier").</summary>
public sealed class Supplier
{
    public int Id { get; set; }
    public required string Name { get; set; }
}
