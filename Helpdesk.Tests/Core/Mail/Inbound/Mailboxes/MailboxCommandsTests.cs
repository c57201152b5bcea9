using Helpdesk.Core.Mail.Inbound.Fetching;
using Helpdesk.Core.Common;
using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Mail;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Mailboxes;
using Helpdesk.Core.Persistence;
using Helpdesk.Tests.TestSupport;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Mail.Inbound.Mailboxes;

public sealed class MailboxCommandsTests
{
    private static MailboxInput Imap(string name = "support", string? password = "Pa55-word!") => new(null, name, MailboxKind.Imap)
    {
        Host = "imap.example.com", Port = 993, Security = SecureSocketOptions.SslOnConnect, UserName = "support@example.com", Password = password,
    };

    [Fact]
    public async Task ExecuteAsync_ImapWithoutHostPortUserAndPassword_RefusedWithEachFieldMessage()
    {
        await using var host = await CoreTestHost.StartAsync();

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            host.Get<SaveMailboxCommand>().ExecuteAsync(new MailboxInput(null, " ", MailboxKind.Imap) { Host = "", Port = 70000 }));

        Assert.Equal("A name is required.", error.Errors["name"]);
        Assert.Equal("A host is required for Imap.", error.Errors["host"]);
        Assert.Equal("The port must be between 1 and 65535.", error.Errors["port"]);
        Assert.Equal("A user name is required for Imap.", error.Errors["userName"]);
        Assert.Equal("A password is required.", error.Errors["password"]);
    }

    [Fact]
    public async Task ExecuteAsync_BadHostAndDropFolderWithoutFolder_Refused()
    {
        await using var host = await CoreTestHost.StartAsync();
        var save = host.Get<SaveMailboxCommand>();

        var badHost = await Assert.ThrowsAsync<ValidationFailedException>(() => save.ExecuteAsync(Imap() with { Host = "imap example com" }));
        var noFolder = await Assert.ThrowsAsync<ValidationFailedException>(() => save.ExecuteAsync(new MailboxInput(null, "drop", MailboxKind.DropFolder)));

        Assert.Equal("Enter a host name or IP address, such as imap.example.com.", Assert.Single(badHost.Errors).Value);
        Assert.Equal("folder", Assert.Single(noFolder.Errors).Key);
    }

    [Fact]
    public async Task ExecuteAsync_NameTakenBySavedOrConfiguredMailbox_Refused()
    {
        await using var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Mail:Inbound:Mailboxes:0:Name"] = "Configured",
            ["Mail:Inbound:Mailboxes:0:Kind"] = "DropFolder",
            ["Mail:Inbound:Mailboxes:0:Folder"] = "mail/configured",
        });
        var save = host.Get<SaveMailboxCommand>();
        await save.ExecuteAsync(Imap("support"));

        var duplicate = await Assert.ThrowsAsync<ValidationFailedException>(() => save.ExecuteAsync(Imap("SUPPORT")));
        var configured = await Assert.ThrowsAsync<ValidationFailedException>(() => save.ExecuteAsync(Imap("configured")));

        Assert.Equal("A mailbox named SUPPORT already exists.", duplicate.Errors["name"]);
        Assert.Equal("A mailbox named configured is set in configuration; choose another name.", configured.Errors["name"]);
    }

    [Fact]
    public async Task ExecuteAsync_Password_StoredEncryptedAndRoundTrips()
    {
        await using var host = await CoreTestHost.StartAsync();

        var id = await host.Get<SaveMailboxCommand>().ExecuteAsync(Imap());

        await using var db = await host.DbAsync();
        var stored = await db.Set<Mailbox>().SingleAsync(m => m.Id == id);
        Assert.NotNull(stored.ProtectedPassword);
        Assert.DoesNotContain("Pa55-word!", stored.ProtectedPassword);
        Assert.Equal("Pa55-word!", host.Get<MailboxPasswords>().Unprotect(stored.ProtectedPassword));
        if (host.Provider == DatabaseProvider.PostgreSQL) Assert.NotEmpty(db.DataProtectionKeys); // shared by every instance
        else Assert.NotEmpty(Directory.GetFiles(Path.Combine(host.DataFolder, "keys"), "*.xml"));
    }

    [Fact]
    public async Task ExecuteAsync_EditWithEmptyPassword_KeepsTheSavedOne()
    {
        await using var host = await CoreTestHost.StartAsync();
        var save = host.Get<SaveMailboxCommand>();
        var id = await save.ExecuteAsync(Imap());

        await save.ExecuteAsync(Imap(password: "") with { Id = id, Port = 143, Security = SecureSocketOptions.StartTls });

        var effective = Assert.Single(await host.Get<MailboxDirectory>().GetEffectiveAsync(), m => m.Name == "support");
        Assert.Equal(("Pa55-word!", 143, SecureSocketOptions.StartTls), (effective.Password, effective.Port, effective.Security));
    }

    [Fact]
    public async Task ListAsync_SavedAndConfigured_NeverCarriesAPassword()
    {
        await using var host = await CoreTestHost.StartAsync();
        await host.Get<SaveMailboxCommand>().ExecuteAsync(Imap());

        var rows = await host.Get<MailboxListQuery>().ExecuteAsync();

        Assert.Equal([("local", true), ("support", false)], rows.Select(r => (r.Name, r.FromConfiguration)));
        Assert.True(rows[1].HasPassword);
        Assert.DoesNotContain(typeof(MailboxRow).GetProperties(), p => p.Name.Contains("Password") && p.PropertyType == typeof(string));
    }

    [Fact]
    public async Task DeleteAsync_SavedMailbox_GoneFromListAndDirectory()
    {
        await using var host = await CoreTestHost.StartAsync();
        var id = await host.Get<SaveMailboxCommand>().ExecuteAsync(Imap());

        await host.Get<DeleteMailboxCommand>().ExecuteAsync(id);

        Assert.Equal(["local"], (await host.Get<MailboxListQuery>().ExecuteAsync()).Select(r => r.Name));
        Assert.Equal(["local"], (await host.Get<MailboxDirectory>().GetEffectiveAsync()).Select(m => m.Name));
        var again = await Assert.ThrowsAsync<NotFoundException>(() => host.Get<DeleteMailboxCommand>().ExecuteAsync(id));
        Assert.Equal("That mailbox no longer exists.", again.Message);
    }

    [Fact]
    public async Task DeleteAsync_MailboxWithOpenFetchFailure_ListShowsItThenEpisodeEnds()
    {
        await using var host = await CoreTestHost.StartAsync();
        var id = await host.Get<SaveMailboxCommand>().ExecuteAsync(Imap());
        await host.Get<SystemAlerts>().RaiseAsync(MailboxRound.FetchAlertKeyFor("support"), CorrespondenceKind.SystemMailFetchFails, new SystemAlertFacts("refused", Source: "support"));
        Assert.True((await host.Get<MailboxListQuery>().ExecuteAsync()).Single(r => r.Name == "support").FetchFailing);

        await host.Get<DeleteMailboxCommand>().ExecuteAsync(id);

        await using var db = await host.DbAsync();
        Assert.False((await db.Set<SystemAlertLog>().SingleAsync(l => l.Key == "fetch:support")).EpisodeOpen);
    }
}
