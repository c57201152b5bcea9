namespace Helpdesk.Blazor.Features.Tickets;

/// <summary>
/// The page numbers a pager shows, as MudPagination shows them: the first and last two, the selected page with one on
/// each side, and a gap (<see cref="Gap"/>) where pages are left out; a gap of one page shows that page instead.
/// </summary>
public static class PageWindow
{
    public const int Gap = 0;
    private const int Boundary = 2;
    private const int Beside = 1;

    /// <param name="selected">One-based.</param>
    public static IReadOnlyList<int> For(int selected, int count)
    {
        var shown = new SortedSet<int>();
        for (var page = 1; page <= Math.Min(Boundary, count); page++) shown.Add(page);
        for (var page = Math.Max(1, count - Boundary + 1); page <= count; page++) shown.Add(page);
        // Near either end the window widens, so the pager keeps its width while the selection moves.
        var (from, to) = (selected - Beside, selected + Beside);
        if (from <= Boundary + 2) (from, to) = (1, Math.Max(to, Boundary + 2 * Beside + 2));
        if (to >= count - Boundary - 1) (from, to) = (Math.Min(from, count - Boundary - 2 * Beside - 1), count);
        for (var page = Math.Max(1, from); page <= Math.Min(count, to); page++) shown.Add(page);

        var pages = new List<int>();
        foreach (var page in shown)
        {
            if (pages.Count > 0 && page - pages[^1] == 2) pages.Add(page - 1);
            else if (pages.Count > 0 && page - pages[^1] > 2) pages.Add(Gap);
            pages.Add(page);
        }
        return pages;
    }
}
