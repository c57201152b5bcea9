namespace Helpdesk.Core.ServiceCatalog;

/// <summary>A configuration item monitoring tools report about (server, switch, application…).</summary>
public sealed class ConfigurationItem
{
    public int Id { get; set; }
    public required string Label { get; set; }

    /// <summary>For software CIs: the name the Mail API's "ci" parameter may use instead of the label.</summary>
    public string? Name { get; set; }
    public string? Source { get; set; }
    public string? SourceId { get; set; }
    public int? ServiceInstanceId { get; set; }
    public ServiceInstance? ServiceInstance { get; set; }
}
