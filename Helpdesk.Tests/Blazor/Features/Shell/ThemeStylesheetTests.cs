using System.Text.RegularExpressions;
using Bunit;
using Helpdesk.Blazor.Features.Shell;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using MudBlazor.Services;

namespace Helpdesk.Tests.Blazor.Features.Shell;

public sealed class ThemeStylesheetTests : BunitContext
{
    public ThemeStylesheetTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    private async Task<string> CssAsync() => (await ThemeStylesheet.BuildAsync(Services, NullLoggerFactory.Instance)).Css;

    // MudThemeProvider's style blocks for one palette, as a page rendered them before.
    private IReadOnlyList<string> MudStyles(bool dark) =>
        [.. Regex.Matches(Render<MudThemeProvider>(p => p.Add(x => x.Theme, new MudTheme()).Add(x => x.IsDarkMode, dark)).Markup,
            "<style[^>]*>(.*?)</style>", RegexOptions.Singleline).Select(m => m.Groups[1].Value.Trim())];

    private static string Rule(string block) => block[block.IndexOf('{')..];

    [Fact]
    public async Task Css_HoldsMudThemeProvidersLightPaletteOnTheRoot_AndItsScrollbarAndChartStyles()
    {
        var css = await CssAsync();

        var light = MudStyles(dark: false);
        Assert.Equal(3, light.Count);
        Assert.Contains(light[0], css);
        Assert.Contains(light[1], css);
        Assert.StartsWith(":root", light[2]);
        Assert.Contains(light[2], css);
        Assert.Contains("--mud-palette-primary", light[2]);
    }

    [Fact]
    public async Task Css_HoldsTheDarkPalette_ForTheDarkClassAndForABrowserPreferringDarkUnlessLightWasChosen()
    {
        var css = await CssAsync();

        var dark = Rule(MudStyles(dark: true)[2]);
        Assert.NotEqual(Rule(MudStyles(dark: false)[2]), dark);
        Assert.Contains($":root.{ThemeCookie.DarkClass}{dark}", css);
        var media = css[css.IndexOf("@media (prefers-color-scheme: dark)", StringComparison.Ordinal)..];
        Assert.StartsWith($"@media (prefers-color-scheme: dark) {{\n:root:not(.{ThemeCookie.LightClass}){dark}", media.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Url_NamesTheContent()
    {
        var stylesheet = await ThemeStylesheet.BuildAsync(Services, NullLoggerFactory.Instance);

        Assert.Matches(@"^/theme\.css\?v=[0-9a-f]{12}$", stylesheet.Url);
        Assert.Equal(stylesheet.Url, (await ThemeStylesheet.BuildAsync(Services, NullLoggerFactory.Instance)).Url);
    }
}
