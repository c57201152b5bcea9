using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Fetching;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Helpdesk.Tests.Core.Mail.Inbound.Fetching;

public sealed class MailboxRoundTests : IAsyncLifetime
{
    private readonly MailboxOptions _mailbox = new() { Name = "support" };
    private readonly ScriptedFetcher _fetcher = new();
    private CoreTestHost _host = default!;

    public async Task InitializeAsync() => _host = await CoreTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private MailboxRound NewRound(Func<CancellationToken, Task>? processPending = null) =>
        new(_mailbox, _fetcher, processPending ?? (_ => Task.CompletedTask), _host.Get<SystemAlerts>(), new InboundMailOptions(), NullLogger.Instance);

    private async Task<List<string>> AlertSubjectsAsync()
    {
        await using var db = await _host.DbAsync();
        return await db.Set<OutboxMessage>().Where(m => m.Kind == "system_alert").OrderBy(m => m.Id).Select(m => m.Subject).ToListAsync();
    }

    [Fact]
    public async Task RunAsync_RestartedMidOutageThenRecovered_NextOutageIsAlertedAgain()
    {
        _fetcher.Failure = new IOException("connection refused");
        await NewRound().RunAsync(default);

        // A restart: a new round knows nothing of the open episode the previous run left in the database.
        var afterRestart = NewRound();
        _fetcher.Failure = null;
        await afterRestart.RunAsync(default);
        _host.Clock.Advance(TimeSpan.FromHours(2));
        _fetcher.Failure = new IOException("connection refused again");
        await afterRestart.RunAsync(default);

        Assert.Equal(["[Helpdesk system alert] Fetching mail from support fails", "[Helpdesk system alert] Fetching mail from support fails"], await AlertSubjectsAsync());
        Assert.True(afterRestart.FetchFailing);
    }

    [Fact]
    public async Task RunAsync_ProcessingFails_AlertsProcessingNotFetchingOncePerEpisode()
    {
        var round = NewRound(_ => throw new InvalidOperationException("no such column"));

        await round.RunAsync(default);
        await round.RunAsync(default);

        var subject = Assert.Single(await AlertSubjectsAsync());
        Assert.Equal("[Helpdesk system alert] Processing fetched mail fails", subject);
        Assert.False(round.FetchFailing);
        await using var db = await _host.DbAsync();
        Assert.True(await db.Set<SystemAlertLog>().AnyAsync(l => l.Key == MailboxRound.ProcessingAlertKey && l.EpisodeOpen));
        Assert.False(await db.Set<SystemAlertLog>().AnyAsync(l => l.Key == round.FetchAlertKey));
    }

    [Fact]
    public async Task RunAsync_ProcessingRecovers_EndsTheProcessingEpisode()
    {
        var fail = true;
        var round = NewRound(_ => fail ? throw new InvalidOperationException("locked") : Task.CompletedTask);
        await round.RunAsync(default);

        fail = false;
        await round.RunAsync(default);

        await using var db = await _host.DbAsync();
        Assert.False((await db.Set<SystemAlertLog>().SingleAsync(l => l.Key == MailboxRound.ProcessingAlertKey)).EpisodeOpen);
    }

    private sealed class ScriptedFetcher : IMailboxFetcher
    {
        public Exception? Failure { get; set; }
        public MailboxKind Kind => MailboxKind.DropFolder;

        public Task<IReadOnlyList<long>> FetchAsync(MailboxOptions mailbox, CancellationToken ct) =>
            Failure is { } failure ? Task.FromException<IReadOnlyList<long>>(failure) : Task.FromResult<IReadOnlyList<long>>([]);
    }
}
