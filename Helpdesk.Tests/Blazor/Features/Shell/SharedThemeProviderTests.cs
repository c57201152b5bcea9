using Bunit;
using Helpdesk.Blazor.Features.Shell;
using Helpdesk.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace Helpdesk.Tests.Blazor.Features.Shell;

public sealed class SharedThemeProviderTests : BunitContext
{
    public SharedThemeProviderTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Render_EitherPalette_RendersWhatMudThemeProviderRenders(bool dark)
    {
        var mud = Render<MudThemeProvider>(p => p.Add(x => x.Theme, SharedThemeProvider.DefaultTheme).Add(x => x.IsDarkMode, dark));

        var shared = Render<SharedThemeProvider>(p => p.Add(x => x.Theme, SharedThemeProvider.DefaultTheme).Add(x => x.IsDarkMode, dark));

        shared.MarkupMatches(mud.Markup);
        Assert.Contains("--mud-palette-primary", shared.Markup);
    }

    [Fact]
    public void Render_TwoPages_KeepOneCopyOfTheThemesStyles()
    {
        var first = Render<SharedThemeProvider>(p => p.Add(x => x.Theme, SharedThemeProvider.DefaultTheme));

        var second = Render<SharedThemeProvider>(p => p.Add(x => x.Theme, SharedThemeProvider.DefaultTheme));

        var (firstStyles, secondStyles) = (RenderTreeFrames.Markup(this, first), RenderTreeFrames.Markup(this, second));
        var theme = Assert.Single(firstStyles, s => s.Contains("--mud-palette-primary"));
        Assert.Same(theme, Assert.Single(secondStyles, s => s.Contains("--mud-palette-primary")));
        Assert.True(theme.Length > 5000, $"the theme's style block is {theme.Length} characters");
    }
}
