namespace Helpdesk.Tests.TestSupport.Browser;

/// <summary>
/// A browser journey's fixture: a fresh console (with <see cref="Settings"/>) and a Chromium, per test. A journey whose
/// pages met a Content-Security-Policy violation fails.
/// </summary>
public abstract class BrowserJourney : IAsyncLifetime
{
    protected ConsoleApp App { get; private set; } = default!;
    protected BrowserSession Browser { get; private set; } = default!;

    protected virtual IDictionary<string, string?>? Settings => null;

    public async Task InitializeAsync()
    {
        App = ConsoleApp.Start(Settings);
        Browser = await BrowserSession.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        var violations = Browser.TakeCspViolations();
        await Browser.DisposeAsync();
        await App.DisposeAsync();
        Assert.True(violations.Count == 0, "Content-Security-Policy violations:\n" + string.Join("\n", violations));
    }
}
