using Helpdesk.Tests.Benchmarks;
using Helpdesk.Tests.TestSupport.MultiInstance;

namespace Helpdesk.Tests.MultiInstance;

/// <summary>
/// Issue #12's proof on two real console processes: <see cref="MailProof"/> (mail in and out, the mailbox holder
/// killed while sending), then the killed console started again and <see cref="LiveChangeProof"/> between the two.
/// </summary>
public static class TwoConsolesProof
{
    public static async Task<(MailProofFigures Mail, Latency CommitToSeen)> RunAsync(int mails, int changes, Action<string> log)
    {
        await using var consoles = await TwoConsoles.StartAsync();
        var mail = await new MailProof(consoles, log).RunAsync(mails);
        foreach (var line in mail.Lines()) log(line);

        var killed = consoles.A.HasExited ? "console-a" : "console-b";
        var restarted = await consoles.StartAsync(killed);
        var survivor = restarted == consoles.A ? consoles.B : consoles.A;
        var latency = await new LiveChangeProof(consoles, log).RunAsync(editor: survivor, watcher: restarted, changes);
        log($"change on one console → row in the other's list: {latency} (goal ≤ {LiveChangeProof.GoalMs} ms)");
        return (mail, latency);
    }

    public static BenchmarkResult LatencyResult(Latency latency) =>
        new LatencyComparison(MailProofFigures.Scenario, "change on A → row in B's list", latency, null, LiveChangeProof.GoalMs, "p95 ≤ 1 s").ToResult();
}
