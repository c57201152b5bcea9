using System.Runtime.CompilerServices;

namespace Helpdesk.Tests.TestSupport;

internal static class BunitWaits
{
    // bUnit's WaitFor* give up after one second by default; a component waiting on a real database on a loaded CI
    // machine (the suite runs test classes in parallel) can take longer. A passing wait returns as soon as it holds.
#pragma warning disable CA2255
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Lengthen() => Bunit.BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(10);
}
