namespace Helpdesk.Core.CaseLog.ReplyTemplates;

/// <summary>A text module agents insert into a reply (typing "::"); its body has the placeholders of mail templates.</summary>
public sealed class ReplyTemplate
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Body { get; set; }
    public DateTime UpdatedAt { get; set; }
}
