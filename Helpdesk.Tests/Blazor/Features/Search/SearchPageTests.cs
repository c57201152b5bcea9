using System.Data.Common;
using Bunit;
using Helpdesk.Blazor.Features.Search;
using Helpdesk.Blazor.Features.Search.Store;
using Helpdesk.Blazor.Flux;
using Helpdesk.Core.Common;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Helpdesk.Tests.Blazor.Features.Search;

/// <summary>The search page against the real query, with the first search's statement held in the database until the test lets it go.</summary>
public sealed class SearchPageTests : HelpdeskBunitContext
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);
    private readonly SearchStatementHold _hold = new("printer");

    protected override void ConfigureHost(HostApplicationBuilder builder) =>
        builder.Services.ConfigureDbContext<HelpdeskDbContext>(options => options.AddInterceptors(_hold), ServiceLifetime.Singleton);

    protected override void ConfigureServices() => LogInAsAgent("ann@helpdesk.test", "user-ann");

    private async Task<IRenderedComponent<SearchPage>> SearchingForPrinterAsync()
    {
        await AgentWithLoginAsync("Ann Agent", "ann@helpdesk.test", "user-ann");
        var caller = await Host.AddPersonAsync("Alice Walker", "alice@customer.test");
        foreach (var subject in new[] { "Printer jammed", "Scanner offline" })
            await Host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = subject, RequestedForId = caller.Id }, Actor.System);
        _hold.Holding = true;
        Services.GetRequiredService<NavigationManager>().NavigateTo("/search?q=printer");
        var cut = Render<SearchPage>();
        await _hold.Reached.Task.WaitAsync(Guard);
        return cut;
    }

    [Fact]
    public async Task SearchPage_AnotherSearchWhileOneRuns_TheEarlierStatementStopsAndTheNewerResultsShow()
    {
        var cut = await SearchingForPrinterAsync();
        try
        {
            await cut.InvokeAsync(() => Services.GetRequiredService<IDispatcher>().Dispatch(new SearchTicketsAction("scanner")));

            await _hold.Cancelled.Task.WaitAsync(Guard);
            cut.WaitForAssertion(() => Assert.Equal(["Scanner offline"], cut.FindAll("[data-testid=search-result] .hd-truncate").Select(e => e.TextContent)));
            Assert.Empty(cut.FindAll("[data-testid=search-error]"));
        }
        finally
        {
            _hold.Release.TrySetResult();
        }
    }

    [Fact]
    public async Task SearchEffects_CircuitEnds_TheRunningSearchStops()
    {
        await SearchingForPrinterAsync();
        try
        {
            Services.GetRequiredService<SearchEffects>().Dispose();

            await _hold.Cancelled.Task.WaitAsync(Guard);
        }
        finally
        {
            _hold.Release.TrySetResult();
        }
    }

    /// <summary>
    /// Once <see cref="Holding"/>, holds the first statement with <c>word</c> in a parameter (the search's words, on either
    /// provider) until its command is cancelled, which it reports, or the test releases it.
    /// </summary>
    private sealed class SearchStatementHold(string word) : DbCommandInterceptor
    {
        private int _held;
        public volatile bool Holding;
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (Holding && command.Parameters.Cast<DbParameter>().Any(p => p.Value is string text && text.Contains(word, StringComparison.OrdinalIgnoreCase))
                && Interlocked.Exchange(ref _held, 1) == 0)
            {
                Reached.TrySetResult();
                await Task.WhenAny(Release.Task, Task.Delay(Timeout.Infinite, cancellationToken));
                if (cancellationToken.IsCancellationRequested)
                {
                    Cancelled.TrySetResult();
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }
            return await base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
