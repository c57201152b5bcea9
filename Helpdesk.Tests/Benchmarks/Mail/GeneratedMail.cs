using Bogus;
using MimeKit;

namespace Helpdesk.Tests.Benchmarks.Mail;

public sealed record MailSender(string Name, string Address);

/// <summary>
/// Customer mail for the inbound benchmarks, the same every run (fixed seed): about 9 KB of text each, one in four
/// also as HTML, one in twenty with a 50 KB attachment, spread over 200 senders, or more for more than 4,000 mails: at
/// most <see cref="MailsPerSender"/> each, under the loop guard's limit per sender and hour
/// (<see cref="Helpdesk.Core.Mail.Inbound.InboundMailOptions.MaxMessagesPerSenderPerHour"/>, 30), which set every mail
/// aside at 6,000 mails and their warm-up.
/// </summary>
public sealed record GeneratedMail(IReadOnlyList<MailSender> Senders, IReadOnlyList<byte[]> Messages)
{
    public const int SenderCount = 200;
    public const int MailsPerSender = 20;
    private const int TextBytes = 9 * 1024;
    private const int AttachmentBytes = 50 * 1024;

    public static GeneratedMail Create(int count, string to)
    {
        var faker = new Faker("en") { Random = new Randomizer(14) };
        var senders = Enumerable.Range(0, Math.Min(count, Math.Max(SenderCount, (count + MailsPerSender - 1) / MailsPerSender))).Select(i => NewSender(faker, i)).ToList();
        var messages = Enumerable.Range(0, count).Select(i => Bytes(NewMessage(faker, senders[i % senders.Count], to, i))).ToList();
        return new GeneratedMail(senders, messages);
    }

    /// <summary>Messages <paramref name="skip"/> on, at most <paramref name="take"/>, from the same senders.</summary>
    public GeneratedMail Slice(int skip, int take) => this with { Messages = Messages.Skip(skip).Take(take).ToList() };

    private static MailSender NewSender(Faker faker, int index)
    {
        var (first, last) = (faker.Name.FirstName(), faker.Name.LastName());
        return new MailSender($"{first} {last}", $"{Ascii(first)}.{Ascii(last)}.{index}@{faker.PickRandom("customer.test", "example.test", "clients.test")}");
    }

    private static MimeMessage NewMessage(Faker faker, MailSender sender, string to, int index)
    {
        var message = new MimeMessage { Subject = $"{faker.Commerce.ProductName()}: {faker.Hacker.Phrase()}", Date = new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero).AddSeconds(index) };
        message.From.Add(new MailboxAddress(sender.Name, sender.Address));
        message.To.Add(MailboxAddress.Parse(to));
        message.MessageId = $"bench-{index}-{Guid.NewGuid():N}@customer.test";
        var text = Text(faker);
        var body = new BodyBuilder { TextBody = text };
        if (index % 4 == 1) body.HtmlBody = "<html><body>" + string.Concat(text.Split("\n\n").Select(p => $"<p>{p}</p>")) + "</body></html>";
        if (index % 20 == 3) body.Attachments.Add($"log-{index}.bin", faker.Random.Bytes(AttachmentBytes), new ContentType("application", "octet-stream"));
        message.Body = body.ToMessageBody();
        return message;
    }

    private static string Text(Faker faker)
    {
        var paragraphs = new List<string>();
        var length = 0;
        while (length < TextBytes)
        {
            var paragraph = faker.Lorem.Paragraph(8);
            paragraphs.Add(paragraph);
            length += paragraph.Length + 2;
        }
        return string.Join("\n\n", paragraphs);
    }

    private static string Ascii(string name) => new string(name.ToLowerInvariant().Where(char.IsAsciiLetter).ToArray()) is { Length: > 0 } s ? s : "x";

    private static byte[] Bytes(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return stream.ToArray();
    }
}
