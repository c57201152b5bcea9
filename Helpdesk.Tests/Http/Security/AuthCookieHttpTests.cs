using Helpdesk.Tests.TestSupport.Http;

namespace Helpdesk.Tests.Http.Security;

/// <summary>The login cookie: HttpOnly, SameSite, Secure for an https console, persistent only with "Remember me".</summary>
[Trait("Category", "Security")]
public sealed class AuthCookieHttpTests
{
    [Fact]
    public async Task Login_RememberMe_PersistentCookieElseSessionCookie()
    {
        await using var host = new ConsoleHttpHost();

        var remembered = AuthCookie(await ConsoleHttpHost.PostLoginAsync(host.CreateClient(), ConsoleHttpHost.AdminEmail, ConsoleHttpHost.AdminPassword, rememberMe: true));
        var session = AuthCookie(await ConsoleHttpHost.PostLoginAsync(host.CreateClient(), ConsoleHttpHost.AdminEmail, ConsoleHttpHost.AdminPassword));

        Assert.Contains("expires=", remembered);
        Assert.DoesNotContain("expires=", session);
        Assert.DoesNotContain("max-age", session);
    }

    [Fact]
    public async Task Login_HttpPublicUrlOverHttp_HttpOnlyLaxCookieWithoutSecure()
    {
        await using var host = new ConsoleHttpHost();

        var cookie = AuthCookie(await ConsoleHttpHost.PostLoginAsync(host.CreateClient(), ConsoleHttpHost.AdminEmail, ConsoleHttpHost.AdminPassword));

        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=lax", cookie);
        Assert.DoesNotContain("secure", cookie);
    }

    [Fact]
    public async Task Login_HttpsPublicUrl_SecureCookieEvenOverHttp()
    {
        await using var host = new ConsoleHttpHost(new Dictionary<string, string> { ["Helpdesk:PublicUrl"] = "https://helpdesk.example" });

        var cookie = AuthCookie(await ConsoleHttpHost.PostLoginAsync(host.CreateClient(), ConsoleHttpHost.AdminEmail, ConsoleHttpHost.AdminPassword));

        Assert.Contains("secure", cookie);
        Assert.Contains("httponly", cookie);
    }

    [Fact]
    public async Task Login_HttpPublicUrlOverHttps_SecureCookie()
    {
        await using var host = new ConsoleHttpHost();
        var overHttps = host.Factory.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        var cookie = AuthCookie(await ConsoleHttpHost.PostLoginAsync(overHttps, ConsoleHttpHost.AdminEmail, ConsoleHttpHost.AdminPassword));

        Assert.Contains("secure", cookie);
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=lax", cookie);
    }

    private static string AuthCookie(HttpResponseMessage signedIn)
    {
        Assert.Null(ConsoleHttpHost.LoginError(signedIn));
        return Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("helpdesk.auth=")).ToLowerInvariant();
    }
}
