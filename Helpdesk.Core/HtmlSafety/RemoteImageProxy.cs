namespace Helpdesk.Core.HtmlSafety;

/// <summary>Where the console serves an entry's blocked remote image once an agent chose to load it.</summary>
public static class RemoteImageProxy
{
    public static string Path(long entryId, int n) => $"/case-log/{entryId}/remote-images/{n}";
}
