using Helpdesk.Blazor.Features.Shell.Store;

namespace Helpdesk.Blazor.Features.Shell;

/// <summary>
/// The agent's colour theme is the browser's, like its own dark-mode preference: a cookie (set by js/theme.js when the
/// agent chooses) that every request carries, so the page is served in its theme (<see cref="ThemeStylesheet"/>).
/// </summary>
public static class ThemeCookie
{
    public const string Name = "helpdesk.theme";
    public const string LightClass = "hd-theme-light";
    public const string DarkClass = "hd-theme-dark";

    /// <summary>The choice the request carries; none if it carries none, or a value that is not a choice.</summary>
    public static ThemeChoice? Read(HttpRequest request) =>
        request.Cookies.TryGetValue(Name, out var value) && Enum.TryParse<ThemeChoice>(value, ignoreCase: false, out var choice) && Enum.IsDefined(choice)
            ? choice
            : null;

    /// <summary>The html element's class for the choice: none follows the browser's preference.</summary>
    public static string? HtmlClass(ThemeChoice? choice) => choice switch
    {
        ThemeChoice.Light => LightClass,
        ThemeChoice.Dark => DarkClass,
        _ => null,
    };
}
