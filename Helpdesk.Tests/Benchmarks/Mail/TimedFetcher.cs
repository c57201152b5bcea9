using System.Diagnostics;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Fetching;

namespace Helpdesk.Tests.Benchmarks.Mail;

/// <summary>The real fetcher, timed: how much of a round went to fetching and storing rather than processing.</summary>
public sealed class TimedFetcher(IMailboxFetcher inner) : IMailboxFetcher
{
    public MailboxKind Kind => inner.Kind;

    public TimeSpan Elapsed { get; private set; }

    public async Task<IReadOnlyList<long>> FetchAsync(MailboxOptions mailbox, CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return await inner.FetchAsync(mailbox, ct);
        }
        finally
        {
            Elapsed += Stopwatch.GetElapsedTime(start);
        }
    }
}
