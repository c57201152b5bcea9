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
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Helpdesk.Tests.Blazor.Features.Search;

/// <summary>The search page against the real query, with the first search's statement held in the database until the test lets it go.</summary>
public sealed class SearchPageTests : HelpdeskBunitContext
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);
    private readonly StatementHold _hold = new();

    protected override void ConfigureHost(HostApplicationBuilder builder) =>
        builder.Services.ConfigureDbContext<HelpdeskDbContext>(options => options.AddInterceptors(_hold), ServiceLifetime.Singleton);

    protected override void ConfigureServices() => LogInAsAgent("ann@helpdesk.test", "user-ann");

    private async Task<IRenderedComponent<SearchPage>> SearchingForPrinterAsync()
    {
        await AgentWithLoginAsync("Ann Agent", "ann@helpdesk.test", "user-ann");
        var caller = await Host.AddPersonAsync("Alice Walker", "alice@customer.test");
        foreach (var subject in new[] { "Printer jammed", "Scanner offline" })
            await Host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = subject, RequestedForId = caller.Id }, Actor.System);
        _hold.HoldFirstWithParameter("printer");
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
}
