using Bunit;
using Helpdesk.Blazor.Features.Shell;
using Helpdesk.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor.Services;

namespace Helpdesk.Tests.Blazor.Features.Shell;

/// <summary>The theme stylesheet is built as the app starts, beside the start, not by the first page served.</summary>
public sealed class ThemeStylesheetWarmUpTests : BunitContext
{
    private readonly ErrorLog _errors = new();

    public ThemeStylesheetWarmUpTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    private ServiceProvider Provider(Func<ThemeStylesheet> build) => new ServiceCollection()
        .AddSingleton(_ => build())
        .AddLogging(logging => logging.AddProvider(_errors))
        .BuildServiceProvider();

    private readonly ApplicationLifetime _lifetime = new(NullLogger<ApplicationLifetime>.Instance);

    private ThemeStylesheetWarmUp WarmUp(IServiceProvider services) =>
        new(services, _lifetime, services.GetRequiredService<ILogger<ThemeStylesheetWarmUp>>());

    [Fact]
    public async Task StartAsync_ReturnsAtOnce_AndTheStylesheetIsBuiltOnceBeforeAnyPageAsks()
    {
        var stylesheet = await ThemeStylesheet.BuildAsync(Services, NullLoggerFactory.Instance);
        using var gate = new ManualResetEventSlim();
        var builds = 0;
        var building = new TaskCompletionSource();
        await using var services = Provider(() =>
        {
            Interlocked.Increment(ref builds);
            building.TrySetResult();
            gate.Wait(TimeSpan.FromSeconds(30));
            return stylesheet;
        });

        var start = WarmUp(services).StartAsync(default);

        Assert.True(start.IsCompletedSuccessfully, "the start waited for the stylesheet");
        await building.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var page = Task.Run(() => services.GetRequiredService<ThemeStylesheet>());
        gate.Set();
        Assert.Same(stylesheet, await page.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(1, builds);
        Assert.Empty(_errors.Entries);
    }

    [Fact]
    public async Task StartAsync_BuildFails_LogsTheErrorWithoutFailingTheStart_AndTheNextAskBuildsAgain()
    {
        var stylesheet = await ThemeStylesheet.BuildAsync(Services, NullLoggerFactory.Instance);
        var builds = 0;
        await using var services = Provider(() => Interlocked.Increment(ref builds) == 1 ? throw new InvalidOperationException("no theme blocks") : stylesheet);

        await WarmUp(services).StartAsync(default);

        await Eventually.WaitUntilAsync(() => !_errors.Entries.IsEmpty);
        Assert.Contains("could not be built at start", Assert.Single(_errors.Entries));
        Assert.Same(stylesheet, services.GetRequiredService<ThemeStylesheet>());
        Assert.Equal(2, builds);
    }

    [Fact]
    public async Task StartAsync_AppStopsDuringTheBuild_LogsNoError()
    {
        var building = new TaskCompletionSource();
        using var gate = new ManualResetEventSlim();
        var ended = new TaskCompletionSource();
        await using var services = Provider(() =>
        {
            building.TrySetResult();
            gate.Wait(TimeSpan.FromSeconds(30));
            ended.TrySetResult();
            throw new ObjectDisposedException("IServiceProvider");
        });

        await WarmUp(services).StartAsync(default);
        await building.Task.WaitAsync(TimeSpan.FromSeconds(10));
        _lifetime.StopApplication();
        gate.Set();
        await ended.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(200);

        Assert.Empty(_errors.Entries);
    }
}
