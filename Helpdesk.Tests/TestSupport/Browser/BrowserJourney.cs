using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Processing;
using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>A mail received by the console as a mailbox would hand it over (stored, then processed).</summary>
    /// <returns>The ticket it became, or was added to as a note.</returns>
    protected async Task<int> ReceiveMailAsync(byte[] raw, string uid)
    {
        var services = App.Services;
        var (id, _) = await services.GetRequiredService<InboundMailStore>().StoreAsync("browser", uid, raw, default);
        await services.GetRequiredService<InboundMailProcessor>().ProcessAsync(id, default);
        await using var db = await services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>().CreateDbContextAsync();
        return (await db.Set<InboundMessage>().SingleAsync(m => m.Id == id)).TicketId ?? throw new InvalidOperationException("The mail did not become a ticket or a note.");
    }

    public async Task DisposeAsync()
    {
        var violations = Browser.TakeCspViolations();
        await Browser.DisposeAsync();
        await App.DisposeAsync();
        Assert.True(violations.Count == 0, "Content-Security-Policy violations:\n" + string.Join("\n", violations));
    }
}
