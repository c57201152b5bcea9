namespace Helpdesk.Tests.TestSupport;

/// <summary>Waits for what background work (the change notifier, a circuit) does shortly after the call under test returns.</summary>
public static class Eventually
{
    /// <summary>Polls until <paramref name="condition"/> holds or about five seconds pass; the caller asserts afterwards.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 250 && !condition(); i++) await Task.Delay(20);
    }
}
