using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Tests.Core.Tickets.Queries;

public sealed class MailDeliveryViewTests
{
    private static OutboxMessage Mail(OutboxStatus status, string? error = null, DateTime? bouncedAt = null, DateTime? delayedAt = null) => new()
    {
        MessageId = "<m@x>", Kind = "email_action", From = "support@x", To = "carl@customer.test", Subject = "s", TextBody = "t",
        Status = status, LastError = error, BouncedAt = bouncedAt, DelayedAt = delayedAt,
    };

    [Fact]
    public void From_FailedMail_IsFailedWithTheReason()
    {
        var view = MailDeliveryView.From(Mail(OutboxStatus.Failed, "550 mailbox unavailable"));

        Assert.Equal((MailDeliveryState.Failed, "550 mailbox unavailable"), (view.State, view.Problem));
    }

    [Fact]
    public void From_PendingAfterAFailedAttempt_IsQueuedAndSaysItRetries()
    {
        var view = MailDeliveryView.From(Mail(OutboxStatus.Pending, "connection refused"));

        Assert.Equal((MailDeliveryState.Queued, "retrying after: connection refused"), (view.State, view.Problem));
    }

    [Fact]
    public void From_SentMailThatBounced_IsBounced()
    {
        var bounced = new DateTime(2026, 12, 2, 10, 0, 0, DateTimeKind.Utc);

        var view = MailDeliveryView.From(Mail(OutboxStatus.Sent, bouncedAt: bounced));

        Assert.Equal((MailDeliveryState.Bounced, bounced), (view.State, view.At));
    }

    [Fact]
    public void From_SentMailReportedDelayed_IsDelayedUntilItBounces()
    {
        var delayed = new DateTime(2026, 12, 2, 10, 0, 0, DateTimeKind.Utc);

        var view = MailDeliveryView.From(Mail(OutboxStatus.Sent, delayedAt: delayed));
        var thenBounced = MailDeliveryView.From(Mail(OutboxStatus.Sent, delayedAt: delayed, bouncedAt: delayed.AddHours(4)));

        Assert.Equal((MailDeliveryState.Delayed, delayed, "a mail server reports a delay and keeps trying"), (view.State, view.At, view.Problem));
        Assert.Equal((MailDeliveryState.Bounced, delayed.AddHours(4), null), (thenBounced.State, thenBounced.At, thenBounced.Problem));
    }
}
