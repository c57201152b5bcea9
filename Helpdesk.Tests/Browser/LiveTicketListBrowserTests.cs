using System.Collections.Concurrent;
using System.Text.Json;
using Helpdesk.Tests.Browser.PageModels;
using Helpdesk.Tests.TestSupport;
using Helpdesk.Tests.TestSupport.Browser;
using Helpdesk.Tests.TestSupport.Builders;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Helpdesk.Tests.Browser;

/// <summary>What an open, live ticket list costs the browser it is open in when tickets change elsewhere.</summary>
[Trait("Category", "Browser")]
[Collection(BrowserSession.Collection)]
public sealed class LiveTicketListBrowserTests : BrowserJourney
{
    private const string Marker = "layer-probe";
    private const int Rows = 6;

    [Fact]
    public async Task LiveList_AChangePutsARowOnTop_TheRowsItPassesAreMovedNotPaintedAgain()
    {
        var (page, cdp, rows) = await OpenLiveListAsync();

        // A ticket that was not on the page changes: it goes on top, and every row moves down one place.
        var outside = (await App.Services.CreateTicketsAsync("elsewhere", 1)).Single();
        await GoesOnTopAsync(page, cdp, rows, outside, $"{Marker} moved up");
    }

    [Fact]
    public async Task LiveList_ARowOnThePageChangesAndGoesOnTop_TheRowsItPassesAreMovedNotPaintedAgain()
    {
        var (page, cdp, rows) = await OpenLiveListAsync();

        // The bottom row's ticket changes (a customer's reply, another agent's edit): it goes on top, past the others.
        await GoesOnTopAsync(page, cdp, rows, rows.Keys.Last(), $"{Marker} changed");
    }

    [Fact]
    public async Task LiveList_TheTopTicketChangesInItsPlace_KeepsItsRowAndTheFocusInIt()
    {
        var (page, cdp, rows) = await OpenLiveListAsync();
        var top = rows.Keys.First();
        var checkbox = page.Locator("[data-testid=ticket-table] tbody tr").First.Locator("input[type=checkbox]");
        await checkbox.FocusAsync();
        var label = await checkbox.GetAttributeAsync("aria-label");

        await App.Services.RenameTicketAsync(top, $"{Marker} still on top");
        await Expect(page.GetByTestId("ticket-subject").First).ToHaveTextAsync($"{Marker} still on top");

        Assert.Equal(label, await page.EvaluateAsync<string?>("() => document.activeElement?.getAttribute('aria-label')"));
        Assert.Equal(rows, await RowNodesAsync(cdp));
    }

    /// <summary>
    /// Renames the ticket to a subject the search matches. It must come on top, painted, and the rows it passes must be
    /// the same elements as <paramref name="before"/>, one place lower, and not painted again.
    /// </summary>
    private async Task GoesOnTopAsync(IPage page, ICDPSession cdp, Dictionary<int, int> before, int ticketId, string subject)
    {
        var passed = before.Where(r => r.Key != ticketId).ToDictionary();
        var painted = await PaintTrace.StartAsync(cdp);
        await App.Services.RenameTicketAsync(ticketId, subject);
        await Expect(page.GetByTestId("ticket-subject").First).ToHaveTextAsync(subject);
        await Expect(page.Locator("tr.hd-row-changed")).ToHaveCountAsync(1);
        await page.WaitForTimeoutAsync(500); // the reload after the change, with its frames
        var paintedNodes = await painted.StopAsync();

        var after = await RowNodesAsync(cdp);
        Assert.Equal([ticketId, .. passed.Keys], after.Keys);
        Assert.All(passed, row => Assert.Equal(row.Value, after[row.Key])); // the same elements, moved down
        Assert.Contains(after[ticketId], paintedNodes);
        // A row that becomes the table's last is painted again: the last row has no bottom border (MudBlazor's style).
        int? newlyLast = passed.Keys.Last() == before.Keys.Last() ? null : passed.Keys.Last();
        Assert.Empty(passed.Where(r => r.Key != newlyLast && paintedNodes.Contains(r.Value)).Select(r => $"ticket {r.Key}"));
    }

    /// <summary>
    /// Six tickets shown newest change first by a search, in a list watched by Chromium's layer tree; each row must be a
    /// layer of its own.
    /// </summary>
    private async Task<(IPage Page, ICDPSession Cdp, Dictionary<int, int> Rows)> OpenLiveListAsync()
    {
        await App.Services.CreateTicketsAsync(Marker, Rows);
        var page = await Browser.NewPageAsync();
        await new LoginPageModel(page).LogInAsync(App.BaseUrl, ConsoleApp.AdminEmail, ConsoleApp.AdminPassword);
        await LoginPageModel.WaitUntilInteractiveAsync(page);
        await page.GotoAsync($"{App.BaseUrl}/tickets?sort=Updated&desc=1");
        await LoginPageModel.WaitUntilInteractiveAsync(page);
        // Chromium reports the layer tree when it changes: watched from before the search shows these tickets.
        var cdp = await page.Context.NewCDPSessionAsync(page);
        var layers = new LayerWatch(cdp);
        await cdp.SendAsync("LayerTree.enable");
        await page.GetByTestId("filter-text").FillAsync(Marker);
        await Expect(page.GetByTestId("ticket-subject")).ToHaveCountAsync(Rows);
        await cdp.SendAsync("DOM.enable");
        var rows = await RowNodesAsync(cdp);
        await Eventually.WaitUntilAsync(() => rows.Values.All(layers.HasLayerFor));
        Assert.All(rows, row => Assert.True(layers.HasLayerFor(row.Value), $"ticket {row.Key}'s row is not a layer of its own"));
        return (page, cdp, rows);
    }

    /// <summary>Each row's ticket id and its DOM node's backend id (what the layer tree names a layer's element by).</summary>
    private static async Task<Dictionary<int, int>> RowNodesAsync(ICDPSession cdp)
    {
        var document = await cdp.SendAsync("DOM.getDocument", new Dictionary<string, object> { ["depth"] = 0 });
        var root = document!.Value.GetProperty("root").GetProperty("nodeId").GetInt32();
        var found = await cdp.SendAsync("DOM.querySelectorAll", new Dictionary<string, object> { ["nodeId"] = root, ["selector"] = "[data-testid=ticket-table] tbody tr" });
        var rows = new Dictionary<int, int>();
        foreach (var nodeId in found!.Value.GetProperty("nodeIds").EnumerateArray())
        {
            var link = await cdp.SendAsync("DOM.querySelector", new Dictionary<string, object> { ["nodeId"] = nodeId.GetInt32(), ["selector"] = "[data-testid=ticket-link]" });
            var attributes = await cdp.SendAsync("DOM.getAttributes", new Dictionary<string, object> { ["nodeId"] = link!.Value.GetProperty("nodeId").GetInt32() });
            var values = attributes!.Value.GetProperty("attributes").EnumerateArray().Select(a => a.GetString()!).ToList();
            var href = values[values.IndexOf("href") + 1];
            var node = await cdp.SendAsync("DOM.describeNode", new Dictionary<string, object> { ["nodeId"] = nodeId.GetInt32() });
            rows[int.Parse(href[(href.LastIndexOf('/') + 1)..])] = node!.Value.GetProperty("node").GetProperty("backendNodeId").GetInt32();
        }
        return rows;
    }

    /// <summary>The page's compositing layers as Chromium reports them.</summary>
    private sealed class LayerWatch
    {
        private volatile IReadOnlyList<JsonElement> _layers = [];

        public LayerWatch(ICDPSession cdp)
        {
            cdp.Event("LayerTree.layerTreeDidChange").OnEvent += (_, e) =>
            {
                if (e is { } change && change.TryGetProperty("layers", out var layers)) _layers = [.. layers.EnumerateArray().Select(l => l.Clone())];
            };
        }

        public bool HasLayerFor(int backendNodeId) =>
            _layers.Any(l => l.TryGetProperty("backendNodeId", out var id) && id.GetInt32() == backendNodeId);
    }

    /// <summary>The elements whose layers Chromium painted while traced (its timeline's Paint events name the layer's element).</summary>
    private sealed class PaintTrace
    {
        private readonly ICDPSession _cdp;
        private readonly ConcurrentBag<int> _nodes = [];
        private readonly TaskCompletionSource _complete = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private PaintTrace(ICDPSession cdp)
        {
            _cdp = cdp;
            cdp.Event("Tracing.dataCollected").OnEvent += (_, e) =>
            {
                foreach (var entry in e!.Value.GetProperty("value").EnumerateArray())
                    if (entry.GetProperty("name").GetString() == "Paint" && entry.TryGetProperty("args", out var args)
                        && args.TryGetProperty("data", out var data) && data.TryGetProperty("nodeId", out var node))
                        _nodes.Add(node.GetInt32());
            };
            cdp.Event("Tracing.tracingComplete").OnEvent += (_, _) => _complete.TrySetResult();
        }

        public static async Task<PaintTrace> StartAsync(ICDPSession cdp)
        {
            var trace = new PaintTrace(cdp);
            await cdp.SendAsync("Tracing.start", new Dictionary<string, object>
            {
                ["transferMode"] = "ReportEvents",
                ["traceConfig"] = new Dictionary<string, object> { ["includedCategories"] = new[] { "devtools.timeline" } },
            });
            return trace;
        }

        public async Task<IReadOnlySet<int>> StopAsync()
        {
            await _cdp.SendAsync("Tracing.end");
            await _complete.Task.WaitAsync(TimeSpan.FromSeconds(30));
            return _nodes.ToHashSet();
        }
    }
}
