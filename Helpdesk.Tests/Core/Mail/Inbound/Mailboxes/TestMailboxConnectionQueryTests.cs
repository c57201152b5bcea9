using System.Net;
using System.Net.Sockets;
using Helpdesk.Core.Common;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Mailboxes;
using Helpdesk.Tests.TestSupport;
using Helpdesk.Tests.TestSupport.MailStack;
using MailKit.Security;

namespace Helpdesk.Tests.Core.Mail.Inbound.Mailboxes;

/// <summary>Against the real Dovecot on loopback (any full address logs in with "secret").</summary>
[Trait("Category", "MailStack")]
public sealed class TestMailboxConnectionQueryTests : IAsyncLifetime
{
    private CoreTestHost _host = default!;

    public async Task InitializeAsync() => _host = await CoreTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static MailboxInput Remote(MailboxKind kind, string password = MailStackServer.Password, int? port = null) => new(null, "test", kind)
    {
        Host = MailStackServer.Host,
        Port = port ?? (kind == MailboxKind.Imap ? MailStackServer.ImapPort : MailStackServer.Pop3Port),
        Security = SecureSocketOptions.None,
        UserName = MailStackServer.NewAddress(),
        Password = password,
    };

    [Fact]
    public async Task ExecuteAsync_ImapRightPassword_LoggedInAndTellsAboutIdle()
    {
        var input = Remote(MailboxKind.Imap);

        var result = await _host.Get<TestMailboxConnectionQuery>().ExecuteAsync(input);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal($"Logged in to 127.0.0.1:1143 as {input.UserName}; folder INBOX found. The server offers IDLE: new mail is fetched at once.", result.Message);
    }

    [Fact]
    public async Task ExecuteAsync_Pop3RightPassword_LoggedIn()
    {
        var input = Remote(MailboxKind.Pop3);

        var result = await _host.Get<TestMailboxConnectionQuery>().ExecuteAsync(input);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal($"Logged in to 127.0.0.1:1110 as {input.UserName}; 0 message(s) waiting.", result.Message);
    }

    [Theory]
    [InlineData(MailboxKind.Imap, 1143)]
    [InlineData(MailboxKind.Pop3, 1110)]
    public async Task ExecuteAsync_WrongPassword_RefusedLoginMessage(MailboxKind kind, int port)
    {
        var input = Remote(kind, password: "Wrong-Password-9");

        var result = await _host.Get<TestMailboxConnectionQuery>().ExecuteAsync(input);

        Assert.False(result.Succeeded);
        Assert.Equal($"127.0.0.1:{port} refused the login for {input.UserName}: check the user name and password.", result.Message);
    }

    [Fact]
    public async Task ExecuteAsync_ImapFolderMissing_SaysSo()
    {
        var result = await _host.Get<TestMailboxConnectionQuery>().ExecuteAsync(Remote(MailboxKind.Imap) with { Folder = "No-Such-Folder" });

        Assert.Equal((false, "Logged in to 127.0.0.1:1143, but the folder No-Such-Folder does not exist."), (result.Succeeded, result.Message));
    }

    [Fact]
    public async Task ExecuteAsync_ClosedPort_ConnectionRefused()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var result = await _host.Get<TestMailboxConnectionQuery>().ExecuteAsync(Remote(MailboxKind.Imap, port: port));

        Assert.Equal((false, $"127.0.0.1:{port} refused the connection: nothing listens on that port."), (result.Succeeded, result.Message));
    }

    [Fact]
    public async Task ExecuteAsync_TlsAgainstAPlainPort_TlsOrProtocolFailureNotAnException()
    {
        var result = await _host.Get<TestMailboxConnectionQuery>().ExecuteAsync(Remote(MailboxKind.Imap) with { Security = SecureSocketOptions.SslOnConnect });

        Assert.False(result.Succeeded);
        Assert.StartsWith("The TLS handshake with 127.0.0.1:1143 failed", result.Message);
    }

    [Fact]
    public async Task ExecuteAsync_SavedMailboxWithEmptyPassword_UsesTheSavedPassword()
    {
        var input = Remote(MailboxKind.Imap) with { Name = "saved" };
        var id = await _host.Get<SaveMailboxCommand>().ExecuteAsync(input);

        var result = await _host.Get<TestMailboxConnectionQuery>().ExecuteAsync(input with { Id = id, Password = "" });

        Assert.True(result.Succeeded, result.Message);
    }

    [Fact]
    public async Task ExecuteAsync_NewMailboxWithoutPasswordOrPort_FieldMessages()
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            _host.Get<TestMailboxConnectionQuery>().ExecuteAsync(Remote(MailboxKind.Pop3, password: "", port: 0)));

        Assert.Equal("The port must be between 1 and 65535.", Assert.Single(error.Errors).Value);
        var noPassword = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            _host.Get<TestMailboxConnectionQuery>().ExecuteAsync(Remote(MailboxKind.Pop3, password: "")));
        Assert.Equal("Enter the password to test the login.", noPassword.Errors["password"]);
    }

    [Fact]
    public async Task ExecuteAsync_DropFolder_CreatedAndReady()
    {
        var result = await _host.Get<TestMailboxConnectionQuery>().ExecuteAsync(new MailboxInput(null, "drop", MailboxKind.DropFolder) { Folder = "mail/test-drop" });

        var folder = Path.Combine(_host.DataFolder, "mail", "test-drop");
        Assert.Equal((true, $"The drop folder {folder} is ready: each *.eml file put there becomes a received mail."), (result.Succeeded, result.Message));
        Assert.True(Directory.Exists(folder));
    }
}
