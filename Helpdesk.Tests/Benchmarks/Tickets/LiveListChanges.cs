using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Helpdesk.Core.Common;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.TestSupport.Builders;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Benchmarks.Tickets;

/// <summary>
/// The live-list scenario's changes: subjects of its own tickets set to "live-N …" through the real commands at a steady
/// rate, each change's commit time kept (wall clock, Unix ms, read just before the write: so a latency is never short).
/// They take turns: the ticket changed longest ago, off the first page, comes in on top (a new request); then a ticket
/// halfway down the page goes on top past the rows above it (an agent working it).
/// </summary>
public sealed partial class LiveListChanges(IServiceProvider services, IReadOnlyList<int> ticketIds)
{
    // More tickets than a page's rows: the one changed longest ago is never on the first page.
    private const int Tickets = 40;
    private const int HalfwayDownThePage = 12;

    public ConcurrentDictionary<int, long> CommittedAt { get; } = new();

    public static async Task<LiveListChanges> PrepareAsync(IServiceProvider services)
    {
        return new LiveListChanges(services, await services.CreateTicketsAsync("Live list ticket", Tickets));
    }

    /// <summary>The change number in a row's subject, if it is one of these changes.</summary>
    public static int? NumberIn(string subject) => ChangeSubject().Match(subject) is { Success: true } m ? int.Parse(m.Groups[1].Value) : null;

    /// <summary>The same as a page script: the rows' change numbers and when each was first seen (Date.now()).</summary>
    public const string PageObserver = """
        () => {
            window.__seen = {};
            const scan = () => {
                const now = Date.now();
                for (const cell of document.querySelectorAll('[data-testid=ticket-subject]')) {
                    const m = /live-(\d+)\b/.exec(cell.textContent);
                    if (m && !(m[1] in window.__seen)) window.__seen[m[1]] = now;
                }
            };
            new MutationObserver(scan).observe(document.body, { subtree: true, childList: true, characterData: true });
            scan();
        }
        """;

    [GeneratedRegex(@"live-(\d+)\b")]
    private static partial Regex ChangeSubject();

    public async Task RunAsync(double perSecond, TimeSpan duration)
    {
        var details = services.GetRequiredService<TicketDetailsQuery>();
        var update = services.GetRequiredService<UpdateTicketCommand>();
        var count = (int)Math.Round(perSecond * duration.TotalSeconds);
        var newestChangeFirst = ticketIds.Reverse().ToList();
        var started = Stopwatch.GetTimestamp();
        for (var n = 1; n <= count; n++)
        {
            var wait = TimeSpan.FromSeconds((n - 1) / perSecond) - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            var id = newestChangeFirst[n % 2 == 1 ? ^1 : HalfwayDownThePage];
            newestChangeFirst.Remove(id);
            newestChangeFirst.Insert(0, id);
            var ticket = (await details.ExecuteAsync(id, Actor.System))!;
            CommittedAt[n] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            await update.ExecuteAsync(ticket.AsUpdate() with { Subject = $"live-{n} printer" }, Actor.System);
        }
    }

    /// <summary>Commit → seen for every change a viewer saw; the count of changes it never saw.</summary>
    public (List<double> Latencies, int Unseen) Compare(IReadOnlyDictionary<int, long> seenAt)
    {
        var latencies = new List<double>();
        var unseen = 0;
        foreach (var (n, committed) in CommittedAt)
        {
            if (seenAt.TryGetValue(n, out var seen)) latencies.Add(seen - committed);
            else unseen++;
        }
        return (latencies, unseen);
    }
}
