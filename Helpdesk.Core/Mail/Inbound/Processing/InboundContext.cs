using Helpdesk.Core.Mail.Inbound.Parsing;
using Helpdesk.Core.People;
using MimeKit;

namespace Helpdesk.Core.Mail.Inbound.Processing;

/// <summary>A parsed received mail and what is known about it while deciding.</summary>
/// <param name="Mailbox">The name of the mailbox the mail was fetched from, if known.</param>
public sealed record InboundContext(MimeMessage Message, InboundMailContent Content, Person? Sender, InboundRoute Route, string? Mailbox = null);

/// <param name="TeamId">Set when the mail was addressed to a team's address.</param>
public sealed record InboundRoute(int? TeamId, string? TeamName, string Description);
