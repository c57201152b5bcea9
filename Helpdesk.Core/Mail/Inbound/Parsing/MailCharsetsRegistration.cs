using System.Runtime.CompilerServices;

namespace Helpdesk.Core.Mail.Inbound.Parsing;

internal static class MailCharsetsRegistration
{
    // MimeKit resolves each charset once and caches a miss, so registration has to precede its first use anywhere in
    // the process: a module initializer runs before any Core code that could reach MimeKit.
#pragma warning disable CA2255
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() => InboundMailReader.EnsureCharsets();
}
