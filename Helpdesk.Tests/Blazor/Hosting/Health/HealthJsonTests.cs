using System.Text.Json;
using Helpdesk.Blazor.Hosting.Health;
using Helpdesk.Core.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Helpdesk.Tests.Blazor.Hosting.Health;

/// <summary>The /health body, written field by field: every field of every check's data, and data of other shapes.</summary>
public sealed class HealthJsonTests
{
    private static readonly DateTime Renewed = new(2026, 12, 7, 20, 1, 2, 345, DateTimeKind.Utc);

    private static async Task<(string Raw, JsonElement Body, string ContentType)> WriteAsync(params (string Name, HealthReportEntry Entry)[] entries)
    {
        var http = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection().AddSingleton(Options.Create(new HelpdeskOptions { InstanceName = "desk-1" })).BuildServiceProvider(),
        };
        http.Response.Body = new MemoryStream();
        var report = new HealthReport(entries.ToDictionary(e => e.Name, e => e.Entry), TimeSpan.Zero);

        await HealthJson.WriteAsync(http, report);

        var raw = System.Text.Encoding.UTF8.GetString(((MemoryStream)http.Response.Body).ToArray());
        return (raw, JsonDocument.Parse(raw).RootElement, http.Response.ContentType!);
    }

    private static HealthReportEntry Entry(HealthStatus status, string? description, Dictionary<string, object>? data = null) =>
        new(status, description, TimeSpan.Zero, exception: null, data);

    [Fact]
    public async Task WriteAsync_WorkersMailboxesAndSweeps_WritesEachFieldByName()
    {
        var data = new Dictionary<string, object>
        {
            ["workers"] = new Dictionary<string, WorkerState> { ["InboundMailWorker"] = WorkerState.Running, ["OverdueWorker"] = WorkerState.Stopped },
            ["mailboxes"] = new List<MailboxHealth>
            {
                new("Support", "Fetching", "desk-1", Renewed.AddMinutes(-5), Renewed, false),
                new("Billing", null, null, null, null, true),
            },
            ["sweeps"] = new List<SweepHealth> { new("overdue", Renewed, "desk-2") },
        };

        var (raw, body, contentType) = await WriteAsync(("database", Entry(HealthStatus.Healthy, "reachable")), ("workers", Entry(HealthStatus.Unhealthy, "a background worker stopped", data)));

        Assert.Equal("application/json; charset=utf-8", contentType);
        Assert.Equal(("Unhealthy", "desk-1"), (body.GetProperty("status").GetString(), body.GetProperty("instance").GetString()));
        var database = body.GetProperty("checks").GetProperty("database");
        Assert.Equal(("Healthy", "reachable", JsonValueKind.Null),
            (database.GetProperty("status").GetString(), database.GetProperty("description").GetString(), database.GetProperty("data").ValueKind));
        var workers = body.GetProperty("checks").GetProperty("workers");
        Assert.Equal(("Unhealthy", "a background worker stopped"), (workers.GetProperty("status").GetString(), workers.GetProperty("description").GetString()));
        Assert.Equal([("InboundMailWorker", "Running"), ("OverdueWorker", "Stopped")],
            workers.GetProperty("data").GetProperty("workers").EnumerateObject().Select(w => (w.Name, w.Value.GetString())));
        var mailboxes = workers.GetProperty("data").GetProperty("mailboxes").EnumerateArray().ToList();
        Assert.Equal(("Support", "Fetching", "desk-1", Renewed.AddMinutes(-5), Renewed, false),
            (mailboxes[0].GetProperty("mailbox").GetString(), mailboxes[0].GetProperty("here").GetString(), mailboxes[0].GetProperty("holder").GetString(),
                mailboxes[0].GetProperty("since").GetDateTime().ToUniversalTime(), mailboxes[0].GetProperty("renewedAt").GetDateTime().ToUniversalTime(),
                mailboxes[0].GetProperty("stale").GetBoolean()));
        Assert.Equal(["mailbox", "here", "holder", "since", "renewedAt", "stale"], mailboxes[1].EnumerateObject().Select(p => p.Name));
        Assert.All(["here", "holder", "since", "renewedAt"], name => Assert.Equal(JsonValueKind.Null, mailboxes[1].GetProperty(name).ValueKind));
        Assert.True(mailboxes[1].GetProperty("stale").GetBoolean());
        var sweep = Assert.Single(workers.GetProperty("data").GetProperty("sweeps").EnumerateArray());
        Assert.Equal(("overdue", Renewed, "desk-2"),
            (sweep.GetProperty("sweep").GetString(), sweep.GetProperty("lastRunAt").GetDateTime().ToUniversalTime(), sweep.GetProperty("instance").GetString()));
        Assert.Contains("2026-12-07T20:01:02.345Z", raw);
    }

    [Fact]
    public async Task WriteAsync_DataOfAnotherShape_IsWrittenByTheSerializer()
    {
        var data = new Dictionary<string, object> { ["queued"] = 3, ["oldest"] = new { Mailbox = "Support", AgeSeconds = 12.5 } };

        var (_, body, _) = await WriteAsync(("queue", Entry(HealthStatus.Degraded, null, data)));

        var written = body.GetProperty("checks").GetProperty("queue");
        Assert.Equal(("Degraded", JsonValueKind.Null), (written.GetProperty("status").GetString(), written.GetProperty("description").ValueKind));
        Assert.Equal(3, written.GetProperty("data").GetProperty("queued").GetInt32());
        Assert.Equal(("Support", 12.5), (written.GetProperty("data").GetProperty("oldest").GetProperty("mailbox").GetString(),
            written.GetProperty("data").GetProperty("oldest").GetProperty("ageSeconds").GetDouble()));
    }
}
