using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace Helpdesk.Blazor.Features.Shell;

/// <summary>
/// MudThemeProvider whose style blocks are one copy for every open page: MudBlazor writes the theme's CSS variables
/// afresh for each page (about 12,000 characters), and each page's render tree kept its own copy as long as it stayed
/// open. It renders what MudThemeProvider renders (a test compares the two for both palettes).
/// </summary>
public sealed class SharedThemeProvider : MudThemeProvider
{
    /// <summary>MudBlazor's default theme, one instance for all pages (its palettes are about 120 colour objects).</summary>
    public static readonly MudTheme DefaultTheme = new();

    private const string ChartStyle = """
        <style>
            .mud-chart-serie:hover {
                filter: url(#lighten);
            }
            .mud-chart-serie-hovered
            {
                filter: url(#lighten);
            }
        </style>
        """;

    // A few entries: the scrollbar block and each theme's light and dark variables.
    private static readonly ConcurrentDictionary<string, string> Styles = new(StringComparer.Ordinal);
    private const int MostStyles = 16;

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (!DefaultScrollbar) builder.AddMarkupContent(0, Shared(BuildMudBlazorScrollbar()));
        builder.AddMarkupContent(1, ChartStyle);
        builder.AddMarkupContent(2, Shared(BuildTheme()));
    }

    private static string Shared(string style) =>
        Styles.TryGetValue(style, out var shared) ? shared : Styles.Count < MostStyles ? Styles.GetOrAdd(style, style) : style;
}
