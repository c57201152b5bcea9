namespace Helpdesk.Blazor.Features.Shell;

/// <summary>
/// Builds the theme stylesheet on a thread of its own while the web server starts, so the first page served after a
/// start (the login page) does not render MudThemeProvider twice first; that page waits for the same build if it comes
/// sooner. A build that fails is logged here and tried again by the first page, which then shows the error page; one
/// cut short by the app stopping is not an error.
/// </summary>
internal sealed class ThemeStylesheetWarmUp(IServiceProvider services, IHostApplicationLifetime lifetime, ILogger<ThemeStylesheetWarmUp> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(() =>
        {
            try
            {
                services.GetRequiredService<ThemeStylesheet>();
            }
            catch (Exception e) when (!lifetime.ApplicationStopping.IsCancellationRequested)
            {
                logger.LogError(e, "The theme stylesheet could not be built at start; the first page tries again.");
            }
            catch (Exception)
            {
                // Stopping: the services are being disposed under the build.
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
