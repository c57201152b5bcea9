namespace Helpdesk.Tests.TestSupport.Browser;

/// <summary>A browser journey's fixture: a fresh console (with <see cref="Settings"/>) and a Chromium, per test.</summary>
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
        await Browser.DisposeAsync();
        await App.DisposeAsync();
    }
}
