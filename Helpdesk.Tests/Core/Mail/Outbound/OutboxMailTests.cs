using Helpdesk.Core.Mail.Outbound;

namespace Helpdesk.Tests.Core.Mail.Outbound;

public sealed class OutboxMailTests
{
    private static OutboxMessage Create(string subject) =>
        OutboxMail.Create("test", 1, "support@helpdesk.test", [new OutboxRecipient("a@customer.test", null, "test")], subject, "b", null, "helpdesk.test", DateTime.UtcNow);

    [Fact]
    public void Create_SubjectWithinTheLimit_IsKeptWhole()
    {
        var subject = "[HD-1] " + new string('x', OutboxMessage.MaxSubjectLength - 7);

        Assert.Equal(subject, Create(subject).Subject);
    }

    [Fact]
    public void Create_TemplateAroundAMaximalTicketSubject_IsCutToTheColumnWithAnEllipsis()
    {
        var subject = "Re: [HD-12345] " + new string('x', 1000);

        var cut = Create(subject).Subject;

        Assert.Equal(OutboxMessage.MaxSubjectLength, cut.Length);
        Assert.Equal(subject[..999] + "…", cut);
    }

    [Fact]
    public void Create_CutInsideASurrogatePair_KeepsTheWholeCharacterOut()
    {
        var subject = new string('x', 998) + "😀" + "tail";

        var cut = Create(subject).Subject;

        Assert.Equal(new string('x', 998) + "…", cut);
    }
}
