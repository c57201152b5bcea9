using Helpdesk.Core.Common;
using MimeKit;

namespace Helpdesk.Core.Mail.Inbound.Parsing;

/// <summary>Who sent a mail: the From address, else Reply-To, Sender or the envelope sender; <see cref="Note"/> says when it was not From.</summary>
public sealed record MailSender(string? Address, string? Name, string? Note)
{
    public static MailSender Find(HeaderList headers, ParserOptions options, string? mboxEnvelope)
    {
        InternetAddressList List(HeaderId id) =>
            [.. headers.Where(h => h.Id == id).SelectMany(h => InternetAddressList.TryParse(options, Utf7HeaderWords.Readable(h.RawValue), out var list) ? list : [])];
        if (Usable(List(HeaderId.From)) is { } from) return new MailSender(Plain(from), NameOf(from), null);
        var rawFrom = headers[HeaderId.From]?.Trim();
        var why = string.IsNullOrEmpty(rawFrom) ? "The mail has no From" : $"The From header \"{rawFrom}\" has no usable address";
        var returnPath = headers[HeaderId.ReturnPath] is { } path && MailboxAddress.TryParse(path, out var parsed) ? parsed : null;
        (MailboxAddress? Mailbox, string Where)[] fallbacks =
        [
            (Usable(List(HeaderId.ReplyTo)), "Reply-To"),
            (Usable(List(HeaderId.Sender)), "Sender"),
            (returnPath is not null && IsUsable(returnPath) ? returnPath : null, "the envelope (Return-Path)"),
            (mboxEnvelope is not null && MailboxAddress.TryParse(mboxEnvelope, out var envelope) && IsUsable(envelope) ? envelope : null, "the envelope (mbox From line)"),
        ];
        foreach (var (mailbox, where) in fallbacks)
            if (mailbox is not null)
                return new MailSender(Plain(mailbox), NameOf(mailbox), $"{why}; the sender was taken from {where}.");
        return new MailSender(null, null, $"{why}, and no Reply-To, Sender or envelope address either.");
    }

    private static MailboxAddress? Usable(InternetAddressList list) => list.Mailboxes.FirstOrDefault(IsUsable);

    private static bool IsUsable(MailboxAddress mailbox) => EmailAddresses.IsPlain(Plain(mailbox));

    private static string Plain(MailboxAddress mailbox) => mailbox.Address.Trim().ToLowerInvariant();

    private static string? NameOf(MailboxAddress mailbox) => string.IsNullOrWhiteSpace(mailbox.Name) ? null : mailbox.Name.Trim();
}
