using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Mailboxes;
using Helpdesk.Tests.TestSupport;
using MailKit.Security;

namespace Helpdesk.Tests.Core.Mail.Inbound.Mailboxes;

public sealed class MailboxDirectoryTests
{
    [Fact]
    public async Task GetEffectiveAsync_ConfiguredAndSaved_ConfiguredFirstThenEnabledSavedWithPlainPassword()
    {
        await using var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Mail:Inbound:Mailboxes:0:Name"] = "from-config",
            ["Mail:Inbound:Mailboxes:0:Kind"] = "Pop3",
            ["Mail:Inbound:Mailboxes:0:Host"] = "pop.example.com",
        });
        var save = host.Get<SaveMailboxCommand>();
        await save.ExecuteAsync(new MailboxInput(null, "saved-imap", MailboxKind.Imap)
        {
            Host = "imap.example.com", Port = 143, Security = SecureSocketOptions.None, UserName = "u@example.com", Password = "secret-1", UseIdle = false,
        });
        await save.ExecuteAsync(new MailboxInput(null, "switched-off", MailboxKind.DropFolder) { Folder = "mail/off", Enabled = false });
        await save.ExecuteAsync(new MailboxInput(null, "drop", MailboxKind.DropFolder) { Folder = "mail/drop" });

        var effective = await host.Get<MailboxDirectory>().GetEffectiveAsync();

        Assert.Equal(["from-config", "drop", "saved-imap"], effective.Select(m => m.Name));
        var imap = effective[2];
        Assert.Equal((MailboxKind.Imap, "imap.example.com", 143, "u@example.com", "secret-1", false),
            (imap.Kind, imap.Host, imap.Port, imap.UserName, imap.Password, imap.UseIdle));
        Assert.Equal((MailboxKind.DropFolder, "mail/drop", null), (effective[1].Kind, effective[1].Folder, effective[1].Password));
    }

    [Fact]
    public async Task GetEffectiveAsync_NothingConfigured_EmbeddedDropFolderStaysBesideSavedOnes()
    {
        await using var host = await CoreTestHost.StartAsync();
        await host.Get<SaveMailboxCommand>().ExecuteAsync(new MailboxInput(null, "drop", MailboxKind.DropFolder) { Folder = "mail/drop" });

        var effective = await host.Get<MailboxDirectory>().GetEffectiveAsync();

        Assert.Equal([("local", "mail/inbox"), ("drop", "mail/drop")], effective.Select(m => (m.Name, m.Folder)));
    }

    [Fact]
    public async Task GetEffectiveAsync_ConfigurationLaterUsesASavedName_OnlyTheConfiguredOne()
    {
        var folder = Path.Combine(Path.GetTempPath(), "helpdesk-tests", Guid.NewGuid().ToString("N"));
        await using (var first = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Helpdesk:DataFolder"] = folder }))
            await first.Get<SaveMailboxCommand>().ExecuteAsync(new MailboxInput(null, "Scanner", MailboxKind.DropFolder) { Folder = "mail/saved" });
        IReadOnlyList<MailboxOptions> effective;
        await using (var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Helpdesk:DataFolder"] = folder,
            ["Mail:Inbound:Mailboxes:0:Name"] = "scanner",
            ["Mail:Inbound:Mailboxes:0:Folder"] = "mail/configured",
        }))
            effective = await host.Get<MailboxDirectory>().GetEffectiveAsync();
        Directory.Delete(folder, recursive: true);

        Assert.Equal([("scanner", "mail/configured")], effective.Select(m => (m.Name, m.Folder)));
    }
}
