namespace Helpdesk.Core.People;

public sealed class PersonEmail
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public required string Address { get; set; }
}
