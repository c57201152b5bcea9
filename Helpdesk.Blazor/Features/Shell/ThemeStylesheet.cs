using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace Helpdesk.Blazor.Features.Shell;

/// <summary>
/// The colour themes as one stylesheet (<see cref="Path"/>), written once for the process (when the first page is
/// served) by MudBlazor's own MudThemeProvider for its default theme, light and dark. A page picks its palette by CSS
/// alone: the browser's preference, unless the agent chose one (<see cref="ThemeCookie"/>: a class on the html element,
/// set as the page is served). So a page is drawn in its theme from the first paint, not light until its circuit asked
/// the browser, and an open page keeps no theme provider, palette objects or JavaScript subscription on the server.
/// </summary>
public sealed partial class ThemeStylesheet
{
    public const string Path = "/theme.css";

    private ThemeStylesheet(string css)
    {
        Css = css;
        Url = $"{Path}?v={Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(css)))[..12]}";
    }

    public string Css { get; }

    /// <summary>The stylesheet's address, with a digest of its content: browsers keep it until MudBlazor's theme changes.</summary>
    public string Url { get; }

    /// <summary>Renders MudThemeProvider's style blocks for both palettes (no circuit: nothing of it runs in the browser).</summary>
    public static async Task<ThemeStylesheet> BuildAsync(IServiceProvider services, ILoggerFactory loggers)
    {
        await using var scope = services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        var (light, dark) = (await StylesAsync(renderer, dark: false), await StylesAsync(renderer, dark: true));
        if (light.Count != 3 || dark.Count != 3 || light[0] != dark[0] || light[1] != dark[1])
            throw new InvalidOperationException($"MudThemeProvider rendered {light.Count} and {dark.Count} style blocks, not its scrollbar, chart and theme blocks.");
        var css = new StringBuilder()
            .AppendLine(light[0]).AppendLine(light[1])
            .AppendLine(Scoped(light[2], ":root"))
            .AppendLine("@media (prefers-color-scheme: dark) {").AppendLine(Scoped(dark[2], $":root:not(.{ThemeCookie.LightClass})")).AppendLine("}")
            .AppendLine(Scoped(dark[2], $":root.{ThemeCookie.DarkClass}"));
        return new ThemeStylesheet(css.ToString());
    }

    private static async Task<IReadOnlyList<string>> StylesAsync(HtmlRenderer renderer, bool dark)
    {
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(MudThemeProvider.Theme)] = new MudTheme(),
                [nameof(MudThemeProvider.IsDarkMode)] = dark,
            });
            return (await renderer.RenderComponentAsync<MudThemeProvider>(parameters)).ToHtmlString();
        });
        return [.. StyleBlock().Matches(html).Select(m => m.Groups[1].Value.Trim())];
    }

    // The theme block is its variables in one rule on MudTheme's scope (":root"); the dark palette goes under the selectors that choose it.
    private static string Scoped(string themeBlock, string selector) =>
        themeBlock.StartsWith(":root", StringComparison.Ordinal) && themeBlock.IndexOf('{') is var open and > 0
            ? selector + themeBlock[open..]
            : throw new InvalidOperationException("MudThemeProvider's theme block is not one rule on :root.");

    [GeneratedRegex(@"<style[^>]*>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleBlock();
}
