using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Common;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Core.Tickets.Search;
using Helpdesk.Tests.Benchmarks.Tickets;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Tickets.Queries;

/// <summary>
/// The list's text search on the benchmark's generated tickets (plus case-log entries) answers exactly what a plain
/// reading of every ticket finds: the same total, counts per status and page, whatever the query plan.
/// </summary>
public sealed class TicketListSearchTests
{
    private const int Tickets = 2000;

    [Fact]
    public async Task ExecuteAsync_TextSearches_AnswerLikeAPlainReadingOfEveryTicket()
    {
        await using var host = await CoreTestHost.StartAsync();
        var team = host.Provider == DatabaseProvider.PostgreSQL
            ? await TicketListSeedPostgres.FillAsync(host.DatabaseSettings["ConnectionStrings:Helpdesk"]!, Tickets)
            : TicketListSeed.Fill(Path.Combine(host.DataFolder, "helpdesk.db"), Tickets);
        var tickets = await LoadAsync(host);
        await AddEntryAsync(host, tickets[10].Id, $"The {TicketListSeed.SearchTerm} on floor 2 again");
        await AddEntryAsync(host, tickets[500].Id, $"{TicketListSeed.SearchTerm.ToUpperInvariant()}S are out of toner");
        await AddEntryAsync(host, tickets[7].Id, $"Same {TicketListSeed.SearchTerm} as the subject says");
        tickets = await LoadAsync(host);
        var name = tickets[3].Requester.Split(' ')[^1];
        // A word of about one subject in ten: on SQLite its page is found by walking the sort index, not by reading every match.
        var common = tickets.SelectMany(t => FtsMatch.Words(t.Subject).Where(w => w.Length >= 4).Distinct(StringComparer.OrdinalIgnoreCase))
            .GroupBy(w => w, StringComparer.OrdinalIgnoreCase).MaxBy(g => g.Count())!.Key;
        var requests = new TicketListRequest[]
        {
            new() { Text = TicketListSeed.SearchTerm },
            new() { Text = TicketListSeed.SearchTerm, Page = 1, PageSize = 5 },
            new() { Text = TicketListSeed.SearchTerm, TeamId = team },
            new() { Text = TicketListSeed.SearchTerm, Statuses = [TicketStatus.Closed, TicketStatus.Completed] },
            new() { Text = TicketListSeed.SearchTerm, Sort = TicketSortField.Number, Descending = false },
            new() { Text = TicketListSeed.SearchTerm, Sort = TicketSortField.Status, Page = 1, PageSize = 7 },
            new() { Text = TicketListSeed.SearchTerm, Sort = TicketSortField.Status, Descending = false, Statuses = [TicketStatus.Closed, TicketStatus.New, TicketStatus.Assigned] },
            new() { Text = TicketListSeed.SearchTerm, Sort = TicketSortField.CreatedAt, Descending = false, Page = 1, PageSize = 5 },
            new() { Text = name },
            new() { Text = name, Statuses = [TicketStatus.Closed], Page = 1, PageSize = 3 },
            new() { Text = TicketNumber.Format(tickets[42].Id) },
            new() { Text = common },
            new() { Text = common, Page = 2, PageSize = 5 },
            new() { Text = common, TeamId = team, Descending = false },
            new() { Text = common, Sort = TicketSortField.CreatedAt, Page = 3, PageSize = 10 },
        };

        await AssertAnswersLikeAPlainReadingAsync(host, tickets, requests);
    }

    [Fact]
    public async Task ExecuteAsync_MoreMatchesThanAreReadWhole_AnswerLikeAPlainReadingOfEveryTicket()
    {
        await using var host = await CoreTestHost.StartAsync();
        const int tickets = MatchedTicketsPage.MostMatches + 100;
        if (host.Provider == DatabaseProvider.PostgreSQL) await TicketListSeedPostgres.FillAsync(host.DatabaseSettings["ConnectionStrings:Helpdesk"]!, tickets);
        else TicketListSeed.Fill(Path.Combine(host.DataFolder, "helpdesk.db"), tickets);
        // Every requester's address is at customer.test: every ticket matches, and the database counts and sorts them.
        var requests = new TicketListRequest[]
        {
            new() { Text = "customer" },
            new() { Text = "customer", Sort = TicketSortField.CreatedAt, Descending = false, Page = 2, PageSize = 5 },
            new() { Text = "customer", Statuses = [TicketStatus.WaitingFor], Sort = TicketSortField.Number },
        };

        await AssertAnswersLikeAPlainReadingAsync(host, await LoadAsync(host), requests);
    }

    private static async Task AssertAnswersLikeAPlainReadingAsync(CoreTestHost host, List<PlainTicket> tickets, IEnumerable<TicketListRequest> requests)
    {
        foreach (var request in requests)
        {
            var result = await host.Get<TicketListQuery>().ExecuteAsync(request, Actor.System);

            var expected = PlainReading(tickets, request);
            Assert.True(expected.Total > 0, $"{request}: the data holds no match, so the comparison would prove nothing");
            Assert.Equal(expected.Total, result.TotalCount);
            Assert.Equal(expected.Counts.OrderBy(c => c.Key), result.StatusCounts.OrderBy(c => c.Key));
            var page = result.Items.Select(i => i.Id).ToList();
            Assert.True(expected.Page.SequenceEqual(page), $"{request}: page {string.Join(",", page)}, expected {string.Join(",", expected.Page)}");
        }
    }

    private sealed record PlainTicket(int Id, string Subject, TicketStatus Status, int? TeamId, DateTime CreatedAt, DateTime UpdatedAt, string Requester,
        string RequesterAddress, List<string> Entries);

    private static async Task<List<PlainTicket>> LoadAsync(CoreTestHost host)
    {
        await using var db = await host.DbAsync();
        var entries = (await db.Set<CaseLogEntry>().Select(e => new { e.TicketId, e.Text }).ToListAsync()).ToLookup(e => e.TicketId, e => e.Text);
        return [.. (await db.Set<Ticket>().OrderBy(t => t.Id)
                .Select(t => new { t.Id, t.Subject, t.Status, t.TeamId, t.CreatedAt, t.UpdatedAt, Requester = t.RequestedFor!.Name, Address = t.RequestedFor.PrimaryEmail })
                .ToListAsync())
            .Select(t => new PlainTicket(t.Id, t.Subject, t.Status, t.TeamId, t.CreatedAt, t.UpdatedAt, t.Requester, t.Address, [.. entries[t.Id]]))];
    }

    private static async Task AddEntryAsync(CoreTestHost host, int ticketId, string text)
    {
        await using var db = await host.DbAsync();
        db.Add(new CaseLogEntry { TicketId = ticketId, AuthorName = "Agent", Text = text, Html = text, CreatedAt = host.Clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync();
    }

    // What the search promises: the ticket number, a word of the subject, the case log or the requester's address
    // starting with the text, or the text anywhere in the requester's name.
    private static (int Total, Dictionary<TicketStatus, int> Counts, List<int> Page) PlainReading(List<PlainTicket> tickets, TicketListRequest request)
    {
        var text = request.Text!;
        var number = TicketNumber.FindIn(text);
        bool WordStarts(string body) => FtsMatch.Words(body).Any(w => w.StartsWith(text, StringComparison.OrdinalIgnoreCase));
        var found = tickets.Where(t => t.Id == number || WordStarts(t.Subject) || WordStarts(t.RequesterAddress) || t.Entries.Any(WordStarts)
                || t.Requester.Contains(text, StringComparison.OrdinalIgnoreCase))
            .Where(t => request.TeamId is null || t.TeamId == request.TeamId).ToList();
        var counts = found.GroupBy(t => t.Status).ToDictionary(g => g.Key, g => g.Count());
        var listed = found.Where(t => request.Statuses.Count == 0 || request.Statuses.Contains(t.Status));
        var sorted = (request.Sort, request.Descending) switch
        {
            (TicketSortField.Number, false) => listed.OrderBy(t => t.Id),
            (TicketSortField.Number, true) => listed.OrderByDescending(t => t.Id),
            // In the lifecycle's order, which the enum's values follow.
            (TicketSortField.Status, false) => listed.OrderBy(t => (int)t.Status).ThenBy(t => t.Id),
            (TicketSortField.Status, true) => listed.OrderByDescending(t => (int)t.Status).ThenByDescending(t => t.Id),
            (TicketSortField.CreatedAt, false) => listed.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id),
            (TicketSortField.CreatedAt, true) => listed.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id),
            (_, false) => listed.OrderBy(t => t.UpdatedAt).ThenBy(t => t.Id),
            _ => listed.OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Id),
        };
        return (listed.Count(), counts, [.. sorted.Skip(request.Page * request.PageSize).Take(request.PageSize).Select(t => t.Id)]);
    }
}
