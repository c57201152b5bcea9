using System.Text;
using Helpdesk.Core.Accounts;
using Helpdesk.Core.Attachments;
using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Common;
using Helpdesk.Core.DataMigration;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Processing;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Core.Tickets.Search;
using Helpdesk.Tests.Core.Mail.Inbound.Processing;
using Helpdesk.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Core.DataMigration;

/// <summary>A SQLite helpdesk filled through the app's commands, copied into a fresh PostgreSQL database and used there.</summary>
public sealed class MigrateDataCommandTests
{
    private const string AdminPassword = "Test-Password-1";

    private sealed record Source(int CallerId, int TicketId, int MailedTicketId, string AttachmentSha256, string CaptureSha256, int Tickets, int Entries,
        int InboundMails, int OutboxRows);

    // Larger than Blobs:TableUpToBytes: the one file in the folder (the other content is rows of the copied tables).
    private static readonly byte[] Capture = [.. Enumerable.Range(0, 100 * 1024).Select(i => (byte)(i % 251))];

    private static async Task<Source> FillAsync(CoreTestHost host)
    {
        var agent = await host.AddPersonAsync("Ann Agent", "ann@helpdesk.test", PersonRoles.Agent);
        var caller = await host.AddPersonAsync("Carl Caller", "carl@customer.test");
        var ticketId = await host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "VPN down since Monday", RequestedForId = caller.Id }, Actor.System);
        var file = await host.Get<BlobStore>().StageAsync("trace.log", "text/plain", new MemoryStream(Encoding.UTF8.GetBytes("tunnel reset at 09:14")), default);
        var capture = await host.Get<BlobStore>().StageAsync("capture.bin", null, new MemoryStream(Capture), default);
        await host.Get<AppendCaseLogEntryCommand>().ExecuteAsync(
            new NewCaseLogEntry { TicketId = ticketId, Log = CaseLogKind.Private, Text = "Trace attached, the firewall drops the tunnel.", Files = [file, capture] },
            CoreTestHost.AgentActor(agent));
        var mail = InboundTestMail.Create("Dora <dora@customer.test>", "support@helpdesk.test", "Printer jam on floor 2", "It jams every morning.");
        var (inboundId, _) = await host.Get<InboundMailStore>().StoreAsync("test", "uid-1", mail.Bytes(), default);
        await host.Get<InboundMailProcessor>().ProcessAsync(inboundId, default);
        await using var db = await host.DbAsync();
        var mailedTicketId = (await db.Set<InboundMessage>().SingleAsync()).TicketId!.Value;
        return new Source(caller.Id, ticketId, mailedTicketId, file.Sha256, capture.Sha256, await db.Set<Ticket>().CountAsync(), await db.Set<CaseLogEntry>().CountAsync(),
            await db.Set<InboundMessage>().CountAsync(), await db.Set<OutboxMessage>().CountAsync());
    }

    [Fact]
    public async Task ExecuteAsync_SqliteHelpdeskToEmptyPostgres_CopiesVerifiesAndThePostgresConsoleCarriesOn()
    {
        await using var sqlite = await CoreTestHost.StartAsync(provider: DatabaseProvider.Sqlite, settings: new Dictionary<string, string?>
        {
            ["Mail:Inbound:AccountAddress"] = "support@helpdesk.test",
            ["Mail:Inbound:UnknownSenders"] = "CreatePerson",
        });
        var source = await FillAsync(sqlite);
        Assert.True(source is { InboundMails: 1, OutboxRows: > 0, Entries: > 0 }, $"The source lacks data to migrate: {source}");
        await using var target = TestDatabase.Create(DatabaseProvider.PostgreSQL);
        var request = new MigrateDataRequest($"Data Source={Path.Combine(sqlite.DataFolder, "helpdesk.db")}", target.Settings["ConnectionStrings:Helpdesk"]!,
            Path.Combine(sqlite.DataFolder, "attachments"), BlobsToDatabase: true);
        var output = new StringWriter();

        var migrated = await new MigrateDataCommand(output).ExecuteAsync(request);

        Assert.True(migrated, output.ToString());
        Assert.Matches(@"All \d+ tables copied and verified", output.ToString());
        Assert.Matches(@"Copied 1 files .* all match", output.ToString());
        await using (var postgres = await CoreTestHost.StartAsync(provider: DatabaseProvider.Sqlite, settings: new Dictionary<string, string?>
        {
            ["Database:Provider"] = nameof(DatabaseProvider.PostgreSQL),
            ["ConnectionStrings:Helpdesk"] = target.Settings["ConnectionStrings:Helpdesk"],
            ["Blobs:Store"] = nameof(BlobStoreKind.Database),
        }))
        {
            var ticket = (await postgres.Get<TicketDetailsQuery>().ExecuteAsync(source.TicketId, Actor.System))!;
            Assert.Equal("VPN down since Monday", ticket.Subject);
            Assert.Contains(ticket.PrivateLog, e => e.Html.Contains("firewall drops the tunnel") && e.Attachments.Count == 2);
            Assert.Equal("Printer jam on floor 2", (await postgres.Get<TicketDetailsQuery>().ExecuteAsync(source.MailedTicketId, Actor.System))!.Subject);
            await using (var content = postgres.Get<BlobStore>().OpenRead(source.AttachmentSha256))
                Assert.Equal("tunnel reset at 09:14", await new StreamReader(content).ReadToEndAsync());
            await using (var content = postgres.Get<BlobStore>().OpenRead(source.CaptureSha256))
            using (var copy = new MemoryStream())
            {
                await content.CopyToAsync(copy);
                Assert.Equal(Capture, copy.ToArray());
            }
            using (var scope = postgres.Services.CreateScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<UserManager<HelpdeskUser>>();
                var admin = (await users.FindByEmailAsync("admin@helpdesk.local"))!;
                Assert.True(await users.CheckPasswordAsync(admin, AdminPassword));
            }
            await using (var db = await postgres.DbAsync())
                Assert.Equal((source.Tickets, source.InboundMails, source.OutboxRows),
                    (await db.Set<Ticket>().CountAsync(), await db.Set<InboundMessage>().CountAsync(), await db.Set<OutboxMessage>().CountAsync()));
            var next = await postgres.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "First ticket on PostgreSQL", RequestedForId = source.CallerId }, Actor.System);
            Assert.Equal(source.Tickets + 1, next);
            Assert.Single(await postgres.Get<TicketSearchQuery>().ExecuteAsync("firewall", Actor.System));
        }

        var again = new StringWriter();
        Assert.False(await new MigrateDataCommand(again).ExecuteAsync(request));
        Assert.Contains("The PostgreSQL database is not empty:", again.ToString());
        Assert.Contains("Ticket", again.ToString());
    }

    [Fact]
    public async Task ExecuteAsync_NoSqliteFile_RefusesWithThePath()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-helpdesk-{Guid.NewGuid():N}.db");
        var output = new StringWriter();

        var migrated = await new MigrateDataCommand(output).ExecuteAsync(new MigrateDataRequest($"Data Source={missing}", TestDatabase.DefaultServer, "unused", false));

        Assert.False(migrated);
        Assert.Equal($"There is no SQLite database at {missing}.", output.ToString().Trim());
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public async Task ExecuteAsync_BlobFileDamaged_FailsNamingItAndTheFolder()
    {
        await using var sqlite = await CoreTestHost.StartAsync(provider: DatabaseProvider.Sqlite);
        // Larger than Blobs:TableUpToBytes, so a file (smaller content is a row of the copied tables).
        var file = await sqlite.Get<BlobStore>().StageAsync("report.txt", null, new MemoryStream(new byte[100 * 1024]), default);
        var folder = Path.Combine(sqlite.DataFolder, "attachments");
        await File.WriteAllTextAsync(Path.Combine(folder, file.Sha256[..2], file.Sha256), "changed on disk");
        await using var target = TestDatabase.Create(DatabaseProvider.PostgreSQL);
        var output = new StringWriter();

        var migrated = await new MigrateDataCommand(output).ExecuteAsync(new MigrateDataRequest(
            $"Data Source={Path.Combine(sqlite.DataFolder, "helpdesk.db")}", target.Settings["ConnectionStrings:Helpdesk"]!, folder, BlobsToDatabase: true));

        Assert.False(migrated);
        Assert.Contains($"1 of 1 files from {folder} did not read back with their own SHA-256 (first: {file.Sha256})", output.ToString());
    }
}
