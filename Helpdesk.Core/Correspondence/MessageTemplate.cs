namespace Helpdesk.Core.Correspondence;

/// <summary>An administrator's wording of one automatic message; without a row the built-in default is used.</summary>
public sealed class MessageTemplate
{
    public int Id { get; set; }
    public CorrespondenceKind Kind { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
}
