using Helpdesk.Core.Mail.Inbound;

namespace Helpdesk.Blazor.Hosting;

/// <summary>Which per-mailbox loops to stop and start so the running set matches the effective mailboxes.</summary>
public sealed record MailboxLoopPlan(IReadOnlyList<string> Stop, IReadOnlyList<MailboxOptions> Start)
{
    public static MailboxLoopPlan For(IReadOnlyDictionary<string, MailboxOptions> running, IReadOnlyList<MailboxOptions> effective)
    {
        var wanted = effective.ToDictionary(m => m.Name, StringComparer.OrdinalIgnoreCase);
        // A mailbox whose settings changed is restarted: its loop holds the old options (and maybe an open IDLE).
        var stop = running.Where(r => !wanted.TryGetValue(r.Key, out var m) || !SameSettings(r.Value, m)).Select(r => r.Key).ToList();
        var start = effective.Where(m => !running.TryGetValue(m.Name, out var r) || stop.Contains(r.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        return new(stop, start);
    }

    private static bool SameSettings(MailboxOptions a, MailboxOptions b) =>
        (a.Name, a.Kind, a.Host, a.Port, a.Security, a.UserName, a.Password, a.Folder, a.UseIdle)
        == (b.Name, b.Kind, b.Host, b.Port, b.Security, b.UserName, b.Password, b.Folder, b.UseIdle);
}
