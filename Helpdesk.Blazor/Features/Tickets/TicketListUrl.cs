using System.Globalization;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.AspNetCore.WebUtilities;

namespace Helpdesk.Blazor.Features.Tickets;

/// <summary>
/// The list's filter as a URL, so it can be shared and Back works: a view (built-in or an administrator's) is
/// "?view=key"; anything else is spelt out (q, status, team, assignee=me|none|id, impact, overdue), then sort, desc,
/// page and size where they differ from the view's. "me" is whoever opens it; views are those the reader sees.
/// </summary>
public static class TicketListUrl
{
    public const string Path = "/tickets";

    public static TicketListRequest Parse(string uri, int? me, IReadOnlyList<TicketView> views)
    {
        var query = QueryHelpers.ParseQuery(new Uri(uri).Query);
        string? Get(string key) => query.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString() : null;
        var explicitFilter = new[] { "q", "status", "team", "assignee", "impact", "overdue" }.Any(k => Get(k) is not null);
        var view = explicitFilter ? null : TicketViews.Find(views, Get("view") ?? TicketViews.DefaultKey) ?? TicketViews.Find(TicketViews.BuiltIn, TicketViews.DefaultKey)!;
        var request = view?.Request(me) ?? new TicketListRequest
        {
            Text = Get("q"),
            Statuses = [.. (Get("status") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(s => Enum.TryParse<TicketStatus>(s, true, out var status) ? status : (TicketStatus?)null).OfType<TicketStatus>().Distinct()],
            TeamId = Int(Get("team")),
            Unassigned = Get("assignee") == "none",
            MemberId = Get("assignee") == "me" ? me ?? -1 : Int(Get("assignee")),
            Impact = Enum.TryParse<TicketImpact>(Get("impact"), true, out var impact) && Enum.IsDefined(impact) ? impact : null,
            OverdueOnly = Get("overdue") == "1",
        };
        var defaults = view?.Request(me) ?? new TicketListRequest();
        return request with
        {
            Sort = Enum.TryParse<TicketSortField>(Get("sort"), true, out var sort) ? sort : defaults.Sort,
            Descending = Get("desc") is { } desc ? desc != "0" : defaults.Descending,
            Page = Math.Max(0, (Int(Get("page")) ?? 1) - 1),
            PageSize = Int(Get("size")) is { } size && PageSizes.Contains(size) ? size : defaults.PageSize,
        };
    }

    public static readonly int[] PageSizes = [10, 25, 50, 100];

    public static string For(TicketListRequest request, int? me, IReadOnlyList<TicketView> views)
    {
        var parameters = new List<KeyValuePair<string, string?>>();
        void Add(string key, object? value)
        {
            if (value is not null) parameters.Add(new(key, Convert.ToString(value, CultureInfo.InvariantCulture)));
        }
        var view = ViewOf(request, me, views);
        if (view is not null)
            Add("view", view.Key);
        else
        {
            Add("q", string.IsNullOrWhiteSpace(request.Text) ? null : request.Text.Trim());
            Add("status", request.Statuses.Count == 0 ? null : string.Join(',', request.Statuses.Order()));
            Add("team", request.TeamId);
            Add("assignee", request.Unassigned ? "none" : request.MemberId is { } m ? (m == me ? "me" : m.ToString(CultureInfo.InvariantCulture)) : null);
            Add("impact", request.Impact);
            Add("overdue", request.OverdueOnly ? "1" : null);
            if (parameters.Count == 0) Add("view", "all");
        }
        var defaults = view?.Request(me) ?? new TicketListRequest();
        if (request.Sort != defaults.Sort) Add("sort", request.Sort.ToString());
        if (request.Descending != defaults.Descending) Add("desc", request.Descending ? "1" : "0");
        if (request.Page > 0) Add("page", request.Page + 1);
        if (request.PageSize != defaults.PageSize) Add("size", request.PageSize);
        return QueryHelpers.AddQueryString(Path, parameters);
    }

    /// <summary>The same views in the same order, each with the same title, columns and list (their counts aside).</summary>
    public static bool SameViews(IReadOnlyList<TicketView> a, IReadOnlyList<TicketView> b, int? me) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.Key == p.Second.Key && p.First.Title == p.Second.Title
            && p.First.Columns.SequenceEqual(p.Second.Columns) && For(p.First.Request(me), me, []) == For(p.Second.Request(me), me, []));

    /// <summary>The view whose filter this is, if any (sort and paging aside); a built-in one before an administrator's.</summary>
    public static TicketView? ViewOf(TicketListRequest request, int? me, IReadOnlyList<TicketView> views) =>
        views.FirstOrDefault(v => SameFilter(v.Request(me), request));

    private static bool SameFilter(TicketListRequest a, TicketListRequest b) =>
        a.Statuses.Order().SequenceEqual(b.Statuses.Order()) && a.TeamId == b.TeamId && a.Unassigned == b.Unassigned
        && (a.Unassigned || a.MemberId == b.MemberId) && a.OverdueOnly == b.OverdueOnly && a.Impact == b.Impact
        && string.IsNullOrWhiteSpace(a.Text) == string.IsNullOrWhiteSpace(b.Text) && (a.Text ?? "").Trim() == (b.Text ?? "").Trim();

    private static int? Int(string? value) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
}
