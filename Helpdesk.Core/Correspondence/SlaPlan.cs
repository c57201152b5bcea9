namespace Helpdesk.Core.Correspondence;

/// <summary>A ticket on this plan is overdue when it is still open this many hours after it was created.</summary>
public sealed class SlaPlan
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int GracePeriodHours { get; set; }
}
