using Helpdesk.Blazor.Features.Tickets.Live;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.Tests.Blazor.Features.Tickets.Live;

/// <summary>A shared query runs while anyone waits for it, and stops once nobody does.</summary>
public sealed class SharedResultsTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly SharedResults<string, int> _results;
    private readonly TaskCompletionSource<int> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(string Key, CancellationToken Stop)> _queries = [];
    private readonly SemaphoreSlim _queriesStarted = new(0);

    public SharedResultsTests() => _results = new SharedResults<string, int>(_clock);

    // A query that answers when the test says so, or stops when its token is cancelled, as a database query does.
    private Func<CancellationToken, Task<int>> Query(string key) => stop =>
    {
        lock (_queries) _queries.Add((key, stop));
        _queriesStarted.Release();
        return _answer.Task.WaitAsync(stop);
    };

    private CancellationToken StopOf(string key)
    {
        lock (_queries) return _queries.First(q => q.Key == key).Stop;
    }

    // The queries run on the thread pool: a test looks at their tokens once they have started.
    private async Task QueriesStartedAsync(int count)
    {
        for (var i = 0; i < count; i++) await _queriesStarted.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private long Earlier()
    {
        var at = _clock.GetTimestamp();
        _clock.Advance(TimeSpan.FromMilliseconds(10));
        return at;
    }

    [Fact]
    public async Task GetAsync_OneOfTwoAskersLeaves_TheQueryGoesOnForTheOther()
    {
        var heardAt = Earlier();
        using var leaving = new CancellationTokenSource();
        var first = _results.GetAsync("open", Query("open"), heardAt, leaving.Token);
        var second = _results.GetAsync("open", Query("open"), heardAt);
        await QueriesStartedAsync(1);

        leaving.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        _answer.SetResult(42);

        Assert.Equal(42, await second);
        Assert.False(StopOf("open").IsCancellationRequested);
        Assert.Equal(1, _results.QueriesRun);
    }

    [Fact]
    public async Task GetAsync_EveryAskerLeaves_TheQueryIsCancelledAndTheNextAskRunsItAgain()
    {
        var heardAt = Earlier();
        using var firstLeaves = new CancellationTokenSource();
        using var secondLeaves = new CancellationTokenSource();
        var first = _results.GetAsync("search t", Query("search t"), heardAt, firstLeaves.Token);
        var second = _results.GetAsync("search t", Query("search t"), heardAt, secondLeaves.Token);
        await QueriesStartedAsync(1);

        firstLeaves.Cancel();
        secondLeaves.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
        var again = _results.GetAsync("search t", Query("search t"), heardAt);
        _answer.SetResult(7);

        Assert.True(StopOf("search t").IsCancellationRequested);
        Assert.Equal(7, await again);
        Assert.Equal(2, _results.QueriesRun);
    }

    [Fact]
    public async Task GetAsync_AskerLeavesAfterTheAnswer_TheAnswerStaysShared()
    {
        var heardAt = Earlier();
        using var leaving = new CancellationTokenSource();
        var first = _results.GetAsync("open", Query("open"), heardAt, leaving.Token);
        _answer.SetResult(3);
        Assert.Equal(3, await first);

        leaving.Cancel();

        Assert.False(StopOf("open").IsCancellationRequested);
        Assert.Equal(3, await _results.GetAsync("open", Query("open"), heardAt));
        Assert.Equal(1, _results.QueriesRun);
    }

    [Fact]
    public async Task GetAsync_OtherKeysAskers_DoNotKeepALeftQueryRunning()
    {
        var heardAt = Earlier();
        using var leaving = new CancellationTokenSource();
        var left = _results.GetAsync("search t", Query("search t"), heardAt, leaving.Token);
        var other = _results.GetAsync("search te", Query("search te"), heardAt);
        await QueriesStartedAsync(2);

        leaving.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => left);
        Assert.True(StopOf("search t").IsCancellationRequested);
        Assert.False(StopOf("search te").IsCancellationRequested);
        _answer.SetResult(1);
        Assert.Equal(1, await other);
    }
}
