using Helpdesk.Blazor.Hosting;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Mailboxes;
using Helpdesk.Tests.Core.Mail.Inbound.Processing;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Blazor.Hosting;

/// <summary>
/// The real worker with a one-hour poll interval: a mailbox saved or changed while it runs can only be fetched
/// because the save wakes the supervisor.
/// </summary>
public sealed class InboundMailWorkerTests : IAsyncLifetime
{
    private CoreTestHost _host = default!;

    public async Task InitializeAsync() => _host = await CoreTestHost.StartAsync(
        b => b.Services.AddHostedService<InboundMailWorker>(),
        new Dictionary<string, string?> { ["Mail:Inbound:PollInterval"] = "01:00:00" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task DropAsync(string folder, string subject)
    {
        Directory.CreateDirectory(Path.Combine(_host.DataFolder, folder));
        var mail = InboundTestMail.Create("alice@customer.test", "support@helpdesk.local", subject, "Dropped.");
        await File.WriteAllBytesAsync(Path.Combine(_host.DataFolder, folder, $"{Guid.NewGuid():N}.eml"), mail.Bytes());
    }

    private async Task<IReadOnlyList<string>> WaitForSubjectsAsync(string mailbox, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await using var db = await _host.DbAsync();
            var subjects = await db.Set<InboundMessage>().Where(m => m.Mailbox == mailbox).OrderBy(m => m.Id).Select(m => m.Subject ?? "").ToListAsync();
            if (subjects.Count >= count || DateTime.UtcNow > deadline) return subjects;
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task SaveMailbox_WhileRunning_FetchedWithoutWaitingForThePoll()
    {
        await DropAsync("mail/scanner", "From the scanner");

        await _host.Get<SaveMailboxCommand>().ExecuteAsync(new MailboxInput(null, "scanner", MailboxKind.DropFolder) { Folder = "mail/scanner" });

        Assert.Equal(["From the scanner"], await WaitForSubjectsAsync("scanner", 1));
    }

    [Fact]
    public async Task SaveMailbox_FolderChangedWhileRunning_LoopRestartsOnTheNewFolder()
    {
        var save = _host.Get<SaveMailboxCommand>();
        await DropAsync("mail/first", "First folder");
        var id = await save.ExecuteAsync(new MailboxInput(null, "scanner", MailboxKind.DropFolder) { Folder = "mail/first" });
        Assert.Single(await WaitForSubjectsAsync("scanner", 1));

        await DropAsync("mail/second", "Second folder");
        await save.ExecuteAsync(new MailboxInput(id, "scanner", MailboxKind.DropFolder) { Folder = "mail/second" });

        Assert.Equal(["First folder", "Second folder"], await WaitForSubjectsAsync("scanner", 2));
    }
}
