using MimeKit;

namespace Helpdesk.Tests.Core.Mail.Inbound.Processing;

/// <summary>Builds received mails for processing tests.</summary>
public static class InboundTestMail
{
    public static MimeMessage Create(string from, string to, string subject, string body, string? messageId = null,
        string? inReplyTo = null, params (string Name, byte[] Content)[] attachments)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.MessageId = messageId ?? $"{Guid.NewGuid():N}@customer.test";
        if (inReplyTo is not null) message.InReplyTo = inReplyTo;
        var builder = new BodyBuilder { TextBody = body };
        foreach (var (name, content) in attachments) builder.Attachments.Add(name, content);
        message.Body = builder.ToMessageBody();
        return message;
    }

    public static byte[] Bytes(this MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return stream.ToArray();
    }
}
