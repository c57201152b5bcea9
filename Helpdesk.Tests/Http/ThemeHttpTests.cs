using System.Net;
using System.Text.RegularExpressions;
using Helpdesk.Blazor.Features.Shell;
using Helpdesk.Tests.TestSupport.Http;

namespace Helpdesk.Tests.Http;

/// <summary>A page is served in the agent's colour theme: no script has to run before it is drawn in it.</summary>
public sealed class ThemeHttpTests : IAsyncLifetime
{
    private readonly ConsoleHttpHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<string> LoginPageAsync(string? themeCookie)
    {
        using var client = _host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        if (themeCookie is not null) request.Headers.Add("Cookie", $"{ThemeCookie.Name}={themeCookie}");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static string HtmlElement(string page) => Regex.Match(page, "<html[^>]*>").Value;

    [Theory]
    [InlineData("Dark", ThemeCookie.DarkClass)]
    [InlineData("Light", ThemeCookie.LightClass)]
    public async Task Page_ThemeCookie_ServedWithTheChosenPalettesClass(string cookie, string htmlClass)
    {
        var page = await LoginPageAsync(cookie);

        Assert.Equal($"<html lang=\"en\" class=\"{htmlClass}\">", HtmlElement(page));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("FollowBrowser")]
    [InlineData("<script>")]
    [InlineData("dark")]
    public async Task Page_NoChoiceOrNoValidOne_ServedWithoutAClassSoTheBrowsersPreferenceDecides(string? cookie)
    {
        var page = await LoginPageAsync(cookie);

        Assert.Equal("<html lang=\"en\">", HtmlElement(page));
    }

    [Fact]
    public async Task ThemeStylesheet_LinkedFromEveryPage_ServedToAnyoneAndKeptByBrowsers()
    {
        var page = await LoginPageAsync(null);
        var href = Regex.Match(page, @"<link rel=""stylesheet"" href=""(/theme\.css\?v=[0-9a-f]+)""").Groups[1].Value;
        Assert.NotEmpty(href);

        using var client = _host.CreateClient();
        using var response = await client.GetAsync(href);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        var css = await response.Content.ReadAsStringAsync();
        Assert.Contains("--mud-palette-primary", css);
        Assert.Contains($":root.{ThemeCookie.DarkClass}{{", css);
    }
}
