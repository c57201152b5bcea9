namespace Helpdesk.Core.HtmlSafety;

/// <param name="Html">Sanitized HTML, safe to show in the console.</param>
/// <param name="RemoteImages">The remote image URLs that were blocked, numbered by their place in this list.</param>
public sealed record SafeHtml(string Html, IReadOnlyList<string> RemoteImages);
