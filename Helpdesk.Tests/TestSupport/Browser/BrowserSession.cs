using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Helpdesk.Tests.TestSupport.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright's bundled driver; nothing is downloaded. It records every Content-Security-Policy
/// violation of its pages, so that each journey also checks the console works under the policy.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    /// <summary>Browser journeys run one class at a time: each starts a console and a Chromium.</summary>
    public const string Collection = "Browser";

    // Runs before the page's own scripts and is not subject to the page's policy.
    private const string ReportViolations = """
        document.addEventListener('securitypolicyviolation', e => window.__reportCspViolation(
            `securitypolicyviolation: ${e.effectiveDirective} refused ${e.blockedURI} (${e.sample}) in ${e.sourceFile}:${e.lineNumber}`), true);
        """;

    private readonly IPlaywright _playwright;
    private readonly ConcurrentQueue<string> _cspViolations = new();

    private BrowserSession(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<BrowserSession> LaunchAsync()
    {
        var executable = Environment.GetEnvironmentVariable("E2E_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(executable))
            throw new InvalidOperationException($"Chromium not found at {executable}: run `bash scripts/test.sh` (it installs Debian's chromium) or set E2E_CHROMIUM.");
        // Two cores run the app, Chromium and the rest of the suite: give UI expectations room before they fail.
        Assertions.SetDefaultExpectTimeout(15_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new BrowserSession(playwright, browser);
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        await context.ExposeFunctionAsync<string>("__reportCspViolation", _cspViolations.Enqueue);
        await context.AddInitScriptAsync(ReportViolations);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy"))
                _cspViolations.Enqueue("console: " + message.Text);
        };
        return page;
    }

    /// <summary>The policy violations seen so far (event and console reports), which are then forgotten.</summary>
    public IReadOnlyList<string> TakeCspViolations()
    {
        var taken = new List<string>();
        while (_cspViolations.TryDequeue(out var violation)) taken.Add(violation);
        return taken;
    }

    public static async Task ScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        var folder = Environment.GetEnvironmentVariable("E2E_SCREENSHOT_DIR")
            ?? Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = fullPage });
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
