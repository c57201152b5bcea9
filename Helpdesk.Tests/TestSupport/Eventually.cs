using System.Diagnostics;

namespace Helpdesk.Tests.TestSupport;

/// <summary>Waits for what background work (the change notifier, a circuit) does shortly after the call under test returns.</summary>
public static class Eventually
{
    // Generous: on a loaded CI machine forty concurrent PostgreSQL writes took over five seconds to be heard. Callers
    // only wait for something that should happen, so a passing test never waits this long.
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    /// <summary>Polls until <paramref name="condition"/> holds or <see cref="Limit"/> passes; the caller asserts afterwards.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!condition() && waited.Elapsed < Limit) await Task.Delay(20);
    }

    /// <inheritdoc cref="WaitUntilAsync(Func{bool})"/>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition() && waited.Elapsed < Limit) await Task.Delay(20);
    }
}
