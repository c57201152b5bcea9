namespace Helpdesk.Tests.TestSupport.MailStack;

/// <summary>
/// Test classes that take the real SMTP server down run in this collection: alone, after the parallel ones, so no other
/// test sees the outage.
/// </summary>
[CollectionDefinition(Collection, DisableParallelization = true)]
public sealed class MailServerOutage
{
    public const string Collection = "MailServerOutage";
}
