namespace Helpdesk.Core.Organizations;

public sealed class Organization
{
    public int Id { get; set; }
    public required string Name { get; set; }
}
