using System.Net;
using System.Text;
using Helpdesk.Tests.TestSupport.Http;

namespace Helpdesk.Tests.Http;

/// <summary>Requests the console does not serve (unknown paths, wrong methods, bad return addresses) get a 4xx or a safe redirect, never a 5xx.</summary>
[Trait("Category", "Security")]
public sealed class RefusedRequestsHttpTests : IAsyncLifetime
{
    private static readonly string[] Methods = ["POST", "PUT", "DELETE", "PATCH"];
    private static readonly string[] Paths = ["/no/such/page", "/attachments/424242", "/tickets", "/tickets/1", "/account/login", "/health", "/Error", "/not-found"];

    private readonly ConsoleHttpHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AnyMethod_UnknownOrRefusedPathAnonymous_Answers4xx()
    {
        var answers = await SendAllAsync(_host.CreateClient(), [.. Paths, "/_blazor/negotiate"]);

        Assert.All(answers, a => Assert.True(a.Status is >= 400 and < 500, $"{a.Request} answered {a.Status}"));
    }

    [Fact]
    public async Task AnyMethod_UnknownOrRefusedPathLoggedIn_Answers4xx()
    {
        var client = _host.CreateClient();
        await ConsoleHttpHost.PostLoginAsync(client, ConsoleHttpHost.AdminEmail, ConsoleHttpHost.AdminPassword);

        var answers = await SendAllAsync(client, Paths);

        Assert.All(answers, a => Assert.True(a.Status is >= 400 and < 500, $"{a.Request} answered {a.Status}"));
    }

    [Theory]
    [InlineData("/\tevil.example")]
    [InlineData("/tickets\u0009/1")]
    [InlineData("/\r\nLocation: https://evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    public async Task SignIn_ReturnUrlNotAWellFormedLocalPath_RedirectsToTheStartPage(string returnUrl)
    {
        var client = _host.CreateClient();
        var token = await ConsoleHttpHost.LoginFormTokenAsync(client);

        var response = await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = ConsoleHttpHost.AdminEmail, ["password"] = ConsoleHttpHost.AdminPassword, ["returnUrl"] = returnUrl, ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignIn_WrongPasswordWithAControlCharacterInTheReturnUrl_ComesBackToTheLoginPage()
    {
        var client = _host.CreateClient();
        var token = await ConsoleHttpHost.LoginFormTokenAsync(client);

        var response = await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = ConsoleHttpHost.AdminEmail, ["password"] = "not-the-password", ["returnUrl"] = "/\t", ["__RequestVerificationToken"] = token,
        }));
        var page = await client.GetAsync(response.Headers.Location);

        Assert.StartsWith("/account/login?error=Wrong", response.Headers.Location!.OriginalString);
        Assert.EndsWith("returnUrl=%2F", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task SignIn_WellFormedLocalReturnUrl_IsFollowed()
    {
        var client = _host.CreateClient();
        var token = await ConsoleHttpHost.LoginFormTokenAsync(client);

        var response = await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = ConsoleHttpHost.AdminEmail, ["password"] = ConsoleHttpHost.AdminPassword, ["returnUrl"] = "/tickets/1?tab=log", ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal("/tickets/1?tab=log", response.Headers.Location!.OriginalString);
    }

    private static async Task<List<(string Request, int Status)>> SendAllAsync(HttpClient client, string[] paths)
    {
        var answers = new List<(string, int)>();
        foreach (var method in Methods)
        foreach (var path in paths)
        foreach (var body in new HttpContent?[] { null, new StringContent("{}", Encoding.UTF8, "application/json"), new FormUrlEncodedContent([new("x", "1")]) })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = body };
            using var response = await client.SendAsync(request);
            answers.Add(($"{method} {path} ({body?.Headers.ContentType?.MediaType ?? "no body"})", (int)response.StatusCode));
        }
        return answers;
    }
}
