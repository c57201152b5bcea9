namespace Helpdesk.Core.HtmlSafety;

/// <summary>Who reads a mail: agents can follow a link into the console; customers cannot.</summary>
public enum MailAudience
{
    Agents,
    Customers,
}
