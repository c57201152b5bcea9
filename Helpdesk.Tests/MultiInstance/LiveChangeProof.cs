using Helpdesk.Tests.Benchmarks;
using Helpdesk.Tests.Benchmarks.Tickets;
using Helpdesk.Tests.Browser.PageModels;
using Helpdesk.Tests.TestSupport.Browser;
using Helpdesk.Tests.TestSupport.MultiInstance;
using Microsoft.Playwright;

namespace Helpdesk.Tests.MultiInstance;

/// <summary>
/// An administrator changes a ticket's subject in Chromium on one console (the editor) while another Chromium shows
/// the ticket list ("All") on the other console (the watcher). Commit → seen is the change row's time (taken just
/// before the commit) to the moment the watcher's page first shows the new subject (a MutationObserver's Date.now();
/// both clocks are this machine's).
/// </summary>
public sealed class LiveChangeProof(TwoConsoles consoles, Action<string> log)
{
    /// <summary>A generous wait for a loaded CI machine; the goal (1 s) is reported, never asserted.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public const double GoalMs = 1000;

    /// <summary>The latencies of the changes the watcher saw, in milliseconds; one the watcher never saw within the patience throws.</summary>
    public async Task<Latency> RunAsync(ConsoleProcess editor, ConsoleProcess watcher, int changes)
    {
        await using var browser = await BrowserSession.LaunchAsync();
        var watching = await LoggedInAsync(browser, watcher);
        await watching.GotoAsync(watcher.Url + "/tickets?view=all");
        await LoginPageModel.WaitUntilInteractiveAsync(watching);
        await watching.GetByTestId("ticket-subject").First.WaitForAsync();
        await watching.EvaluateAsync(LiveListChanges.PageObserver);

        var editing = await LoggedInAsync(browser, editor);
        var ticketId = (int)await consoles.ScalarAsync("""SELECT max("Id") FROM "Ticket" """);
        await editing.GotoAsync($"{editor.Url}/tickets/{ticketId}");
        await LoginPageModel.WaitUntilInteractiveAsync(editing);

        var latencies = new List<double>();
        for (var n = 1; n <= changes; n++)
        {
            var before = await consoles.ScalarAsync("""SELECT coalesce(max("Id"), 0) FROM "TicketChange" """);
            await SaveSubjectAsync(editing, $"live-{n} printer on {consoles.NameOf(editor)}");
            var seen = await watching.WaitForFunctionAsync($"() => window.__seen['{n}']", null, new() { Timeout = (float)Patience.TotalMilliseconds });
            var seenAt = await seen.JsonValueAsync<long>();
            var committedAt = await consoles.ScalarAsync($"""
                SELECT (extract(epoch FROM min("At")) * 1000)::bigint FROM "TicketChange" WHERE "Id" > {before} AND "TicketId" = {ticketId}
                """);
            latencies.Add(seenAt - committedAt);
            log($"change {n}: saved on {consoles.NameOf(editor)}, seen on {consoles.NameOf(watcher)} {seenAt - committedAt} ms after its commit");
        }
        await BrowserSession.ScreenshotAsync(watching, "two-consoles-list-on-b");
        Assert.Empty(browser.TakeCspViolations());
        return new Latency(latencies);
    }

    private async Task<IPage> LoggedInAsync(BrowserSession browser, ConsoleProcess console)
    {
        var page = await browser.NewPageAsync();
        var login = new LoginPageModel(page);
        await login.LogInAsync(console.Url, consoles.AdminEmail, TwoConsoles.AdminPassword);
        await LoginPageModel.WaitUntilInteractiveAsync(page);
        return page;
    }

    private static async Task SaveSubjectAsync(IPage page, string subject)
    {
        var field = page.Locator("input[data-testid=field-subject]");
        if (!await field.IsVisibleAsync()) await page.GetByTestId("edit-fields").ClickAsync();
        await field.FillAsync(subject);
        await page.GetByTestId("save-ticket").ClickAsync();
        await Assertions.Expect(page.GetByTestId("ticket-title")).ToContainTextAsync(subject, new() { Timeout = (float)Patience.TotalMilliseconds });
    }
}
