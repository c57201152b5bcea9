using Helpdesk.Blazor.Hosting;
using Helpdesk.Core.Mail.Inbound;

namespace Helpdesk.Tests.Blazor.Hosting;

public sealed class MailboxLoopPlanTests
{
    private static MailboxOptions Imap(string name, int port = 143, string password = "a") =>
        new() { Name = name, Kind = MailboxKind.Imap, Host = "imap.example.com", Port = port, UserName = "u", Password = password };

    private static Dictionary<string, MailboxOptions> Running(params MailboxOptions[] mailboxes) =>
        mailboxes.ToDictionary(m => m.Name, StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void For_NothingRunning_StartsEveryEffectiveMailbox()
    {
        var plan = MailboxLoopPlan.For(Running(), [Imap("a"), Imap("b")]);

        Assert.Empty(plan.Stop);
        Assert.Equal(["a", "b"], plan.Start.Select(m => m.Name));
    }

    [Fact]
    public void For_SameSettingsInNewOptionsObjects_TouchesNothing()
    {
        var plan = MailboxLoopPlan.For(Running(Imap("a"), Imap("b")), [Imap("a"), Imap("b")]);

        Assert.Empty(plan.Stop);
        Assert.Empty(plan.Start);
    }

    [Fact]
    public void For_RemovedAddedAndChangedMailboxes_StopsRemovedAndChangedStartsAddedAndChanged()
    {
        var changed = Imap("changed", password: "new");

        var plan = MailboxLoopPlan.For(Running(Imap("kept"), Imap("removed"), Imap("changed", password: "old")), [Imap("kept"), changed, Imap("added")]);

        Assert.Equal(["removed", "changed"], plan.Stop);
        Assert.Equal(["changed", "added"], plan.Start.Select(m => m.Name));
        Assert.Same(changed, plan.Start[0]);
    }
}
