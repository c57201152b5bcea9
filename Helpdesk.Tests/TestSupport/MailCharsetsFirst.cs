using System.Runtime.CompilerServices;
using Helpdesk.Core.Mail.Inbound.Parsing;

namespace Helpdesk.Tests.TestSupport;

internal static class MailCharsetsFirst
{
    // Tests build MimeMessages directly, and whichever test runs first may touch MimeKit before any Core code does;
    // MimeKit caches a charset it cannot find, so gb2312 and iso-2022-jp would then decode as Latin-1 for the whole run.
#pragma warning disable CA2255
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() => InboundMailReader.EnsureCharsets();
}
