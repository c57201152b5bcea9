using Helpdesk.Blazor.Features.Shell;
using Helpdesk.Blazor.Features.Tickets.Live;
using Helpdesk.Tests.Browser.PageModels;
using Helpdesk.Tests.TestSupport.Browser;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Helpdesk.Tests.Benchmarks.Tickets;

/// <summary>
/// scripts/bench.sh live-list: supervisors watching the ticket list ("All", newest change first) while tickets change at a
/// steady rate, in real Chromium tabs (one browser context each) against the whole console.
/// </summary>
public static class LiveList
{
    public const string Scenario = "live-list";

    // Long enough for the last change's reload to reach every tab on a busy machine.
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(3);

    public static async Task<LiveListFigures> MeasureBrowsersAsync(int tabs, double changesPerSecond, TimeSpan duration)
    {
        await using var app = ConsoleApp.Start();
        await using var browser = await BrowserSession.LaunchAsync();
        var changes = await LiveListChanges.PrepareAsync(app.Services);
        var first = await browser.NewPageAsync();
        await new LoginPageModel(first).LogInAsync(app.BaseUrl, ConsoleApp.AdminEmail, ConsoleApp.AdminPassword);
        await LoginPageModel.WaitUntilInteractiveAsync(first);
        await OpenListAsync(first, app.BaseUrl); // the first circuit pays for what every circuit shares (JIT, caches)
        // A supervisor's browser has had its first page: it holds the theme cookie that page wrote (ThemeHost).
        await WaitForCookieAsync(first, ThemeCookie.Name);
        var login = await first.Context.StorageStateAsync();
        await WarmUpAsync(browser.Browser, login, app.BaseUrl);

        var before = LiveListFigures.MeasureMemory();
        var pages = new List<IPage>();
        foreach (var batch in Enumerable.Range(0, tabs).Chunk(5))
            pages.AddRange(await Task.WhenAll(batch.Select(_ => OpenTabAsync(browser.Browser, login, app.BaseUrl))));
        await Task.Delay(TimeSpan.FromSeconds(2));
        var loaded = LiveListFigures.MeasureMemory();
        await Task.Delay(IdleConnectionsClosed(app) - TimeSpan.FromSeconds(2));
        var after = LiveListFigures.MeasureMemory();

        var shared = app.Services.GetRequiredService<SharedTicketListResults>();
        var viewCounts = app.Services.GetRequiredService<SharedTicketViewCounts>();
        var (queriesBefore, rowsBefore, viewCountsBefore, cpuBefore) = (shared.QueriesRun, shared.RowQueriesRun, viewCounts.QueriesRun, LiveListFigures.ProcessorTime());
        var browserCpuBefore = BrowserCpu.ChromiumProcessorTime();
        await changes.RunAsync(changesPerSecond, duration);
        await Task.Delay(Drain);
        var (queries, rowQueries, viewCountQueries, cpu) = (shared.QueriesRun - queriesBefore, shared.RowQueriesRun - rowsBefore, viewCounts.QueriesRun - viewCountsBefore, LiveListFigures.ProcessorTime() - cpuBefore);
        var browserCpu = new BrowserCpu(BrowserCpu.ChromiumProcessorTime() - browserCpuBefore, tabs);

        var latencies = new List<double>();
        var unseen = 0;
        foreach (var page in pages)
        {
            var seen = await page.EvaluateAsync<Dictionary<string, long>>("() => window.__seen");
            var (pageLatencies, pageUnseen) = changes.Compare(seen.ToDictionary(s => int.Parse(s.Key), s => s.Value));
            latencies.AddRange(pageLatencies);
            unseen += pageUnseen;
        }
        return new LiveListFigures($"{tabs} Chromium tabs, {changesPerSecond:0.#} changes/s", new Latency(latencies), unseen,
            changes.CommittedAt.Count * tabs, new CircuitMemory((after.Rss - before.Rss) / tabs, (after.Managed - before.Managed) / tabs, (loaded.Managed - before.Managed) / tabs),
            queries, changes.CommittedAt.Count, LoadAverage.Read(), viewCountQueries, cpu, rowQueries, browserCpu);
    }

    /// <summary>
    /// Opens and closes <see cref="WarmUpTabs"/> tabs, then waits for the JIT to go quiet: otherwise the timed tabs' memory
    /// includes the code the JIT recompiles (tier 1) as calls add up, and the allocator's arenas for the threads that
    /// first serve many circuits at once, which grow with the process, not with each circuit. Their circuits stay in
    /// memory (disconnected circuits are kept for minutes), in both measurements alike.
    /// </summary>
    private static async Task WarmUpAsync(IBrowser browser, string login, string baseUrl)
    {
        foreach (var batch in Enumerable.Range(0, WarmUpTabs).Chunk(5))
        {
            var pages = await Task.WhenAll(batch.Select(_ => OpenTabAsync(browser, login, baseUrl)));
            await Task.WhenAll(pages.Select(page => page.Context.CloseAsync()));
        }
        await WarmUp.JitSettledAsync();
    }

    private const int WarmUpTabs = 10;

    private static async Task WaitForCookieAsync(IPage page, string name)
    {
        for (var tries = 0; !(await page.Context.CookiesAsync()).Any(c => c.Name == name); tries++)
        {
            if (tries == 100) throw new TimeoutException($"The page did not get the {name} cookie within 10 s.");
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// How long after the last tab opened the connections its load left idle are closed (the keep-alive timeout, and
    /// Kestrel's heartbeat that checks it each second, with a margin): an open list then holds only its circuit and the
    /// WebSocket it runs on.
    /// </summary>
    private static TimeSpan IdleConnectionsClosed(ConsoleApp app) =>
        app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits.KeepAliveTimeout + TimeSpan.FromSeconds(3);

    private static async Task<IPage> OpenTabAsync(IBrowser browser, string login, string baseUrl)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            StorageState = login, ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await OpenListAsync(page, baseUrl);
        return page;
    }

    private static async Task OpenListAsync(IPage page, string baseUrl)
    {
        await page.GotoAsync(baseUrl + "/tickets?view=all");
        await LoginPageModel.WaitUntilInteractiveAsync(page);
        await page.GetByTestId("ticket-subject").First.WaitForAsync();
        await page.EvaluateAsync(LiveListChanges.PageObserver);
    }
}
