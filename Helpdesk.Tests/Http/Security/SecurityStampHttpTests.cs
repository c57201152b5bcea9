using System.Collections.Concurrent;
using System.Net;
using Helpdesk.Core.Accounts;
using Helpdesk.Tests.TestSupport.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Http.Security;

/// <summary>An open session ends at its next request once its login's security stamp changed (deactivated, email or roles changed).</summary>
[Trait("Category", "Security")]
public sealed class SecurityStampHttpTests : IAsyncLifetime
{
    // Which services each check was given, beside the request's own.
    private readonly ConcurrentQueue<(IServiceProvider Check, IServiceProvider Request)> _checks = new();
    private readonly ConsoleHttpHost _host;
    private HttpClient _client = default!;

    public SecurityStampHttpTests()
    {
        _host = new ConsoleHttpHost(services: services =>
        {
            // Every request checks the stamp (the console: at most every minute).
            services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
            services.AddScoped<ISecurityStampValidator>(provider =>
            {
                _checks.Enqueue((provider, provider.GetRequiredService<IHttpContextAccessor>().HttpContext!.RequestServices));
                return ActivatorUtilities.CreateInstance<SecurityStampValidator<HelpdeskUser>>(provider);
            });
        });
    }

    public async Task InitializeAsync()
    {
        _client = _host.CreateClient();
        await ConsoleHttpHost.PostLoginAsync(_client, ConsoleHttpHost.AdminEmail, ConsoleHttpHost.AdminPassword);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Session_StampChanged_NextRequestIsSentToTheLogin()
    {
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/tickets")).StatusCode);

        await using (var scope = _host.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<HelpdeskUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByEmailAsync(ConsoleHttpHost.AdminEmail))!);
        }
        var response = await _client.GetAsync("/tickets");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Session_StampChecked_WithServicesOfItsOwnNotTheRequests()
    {
        _checks.Clear();

        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/tickets")).StatusCode);

        Assert.NotEmpty(_checks);
        // A circuit's WebSocket is one request as long as the page is open: its scope would keep what the check used.
        Assert.All(_checks, check => Assert.NotSame(check.Request, check.Check));
    }
}
