using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Common;
using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.Organizations;
using Helpdesk.Core.People;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Core.Tickets.Search;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using MimeKit;

namespace Helpdesk.Tests.Core.Persistence;

/// <summary>The empty-database tests run on the provider HELPDESK_TEST_DATABASE names (scripts/test.sh runs both).</summary>
public sealed class MigrationTests
{
    // Tests that write through today's commands into an older schema queue no mail: the outbox rows would need today's
    // columns.
    private static Dictionary<string, string?> NoMail()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Correspondence:NewTicketAutoresponseForEndUsers"] = "false",
            ["Correspondence:NewMessageAutoresponse"] = "false",
        };
        foreach (var (kind, i) in Enum.GetValues<CorrespondenceKind>().Select((k, i) => (k, i)))
            settings[$"Correspondence:DisabledAlerts:{i}"] = kind.ToString();
        return settings;
    }

    [Fact]
    public async Task Migrate_EmptyDatabase_LeavesNoPendingModelChanges()
    {
        await using var host = await CoreTestHost.StartAsync();
        await using var db = await host.DbAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes that no migration captures: run dotnet ef migrations add.");
    }

    [Fact]
    public async Task Migrate_EmptyDatabase_SeesOnlyItsProvidersMigrationsAndModel()
    {
        await using var host = await CoreTestHost.StartAsync();
        await using var db = await host.DbAsync();
        var migrations = db.GetService<IMigrationsAssembly>();
        var expected = host.Provider == DatabaseProvider.PostgreSQL ? ProviderMigrationsAssembly.PostgresNamespace : ProviderMigrationsAssembly.SqliteNamespace;

        Assert.NotEmpty(migrations.Migrations);
        Assert.All(migrations.Migrations.Values, m => Assert.Equal(expected, m.Namespace));
        Assert.Equal(expected, migrations.ModelSnapshot?.GetType().Namespace);
        Assert.Equal(migrations.Migrations.Keys, await db.Database.GetAppliedMigrationsAsync());
        // The committed compiled model is SQLite's; PostgreSQL builds its own at start.
        Assert.Equal(host.Provider == DatabaseProvider.Sqlite, db.Model is Helpdesk.Core.Persistence.CompiledModel.HelpdeskDbContextModel);
    }

    [Fact]
    public async Task Migrate_EmptyPostgresDatabase_MakesNamesAndAddressesCaseInsensitive()
    {
        await using var host = await CoreTestHost.StartAsync(provider: DatabaseProvider.PostgreSQL);
        await host.AddPersonAsync("Carl", "Carl@Customer.test");
        await using var db = await host.DbAsync();

        Assert.True(await db.Set<Helpdesk.Core.People.Person>().AnyAsync(p => p.PrimaryEmail == "carl@customer.TEST"));
        Assert.True(await db.Set<Helpdesk.Core.People.Person>().AnyAsync(p => EF.Functions.Like(p.PrimaryEmail, "CARL@%")));
    }

    [Fact]
    public async Task Migrate_EmptyDatabase_UsesWriteAheadLog()
    {
        await using var host = await CoreTestHost.StartAsync(provider: DatabaseProvider.Sqlite);
        await using var db = await host.DbAsync();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Migrate_SupplierRows_BecomeSupplierOrganizationsAndTicketsKeepTheirSupplier()
    {
        await using var host = await CoreTestHost.StartAsync(provider: DatabaseProvider.Sqlite);
        var caller = await host.AddPersonAsync("Carl", "carl@customer.test");
        var acme = await host.Get<SaveOrganizationCommand>().ExecuteAsync(null, "Acme Networks");
        var create = host.Get<CreateTicketCommand>();
        var (toAcme, toFibre) = (await create.ExecuteAsync(new NewTicket { Subject = "Link down", RequestedForId = caller.Id }, Actor.System),
            await create.ExecuteAsync(new NewTicket { Subject = "Fibre cut", RequestedForId = caller.Id }, Actor.System));
        await using (var db = await host.DbAsync())
        {
            await db.GetService<IMigrator>().MigrateAsync("InboundClaimsAndUniqueMailSources");
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "Supplier" ("Id", "Name") VALUES (7, 'acme networks'), (8, 'Fibre Co')""");
            await db.Database.ExecuteSqlAsync($"""UPDATE "Ticket" SET "SupplierId" = 7 WHERE "Id" = {toAcme}""");
            await db.Database.ExecuteSqlAsync($"""UPDATE "Ticket" SET "SupplierId" = 8 WHERE "Id" = {toFibre}""");

            await db.Database.MigrateAsync();
        }

        await using var after = await host.DbAsync();
        var organizations = await after.Set<Organization>().OrderBy(o => o.Id).ToListAsync();
        Assert.Equal([(acme, "Acme Networks", true), (acme + 1, "Fibre Co", true)], organizations.Select(o => (o.Id, o.Name, o.IsSupplier)));
        var suppliers = await after.Set<Ticket>().Where(t => t.Id == toAcme || t.Id == toFibre).OrderBy(t => t.Id).Select(t => t.SupplierId).ToListAsync();
        Assert.Equal([acme, acme + 1], suppliers);
        Assert.Equal(0, await after.Database.SqlQuery<int>($"""SELECT COUNT(*) AS "Value" FROM sqlite_master WHERE "name" IN ('Supplier', 'SupplierMove')""").SingleAsync());
        // The Ticket table was rebuilt: its search triggers must still index new tickets.
        var later = await create.ExecuteAsync(new NewTicket { Subject = "Quokka sighting", RequestedForId = caller.Id }, Actor.System);
        Assert.Contains(later, (await host.Get<Helpdesk.Core.Tickets.Search.TicketSearchQuery>().ExecuteAsync("quokka", Actor.System)).Select(r => r.TicketId));
    }

    [Fact]
    public async Task Migrate_PendingMailFromBeforeTheBodyTable_KeepsItsBodiesAndStillGoesOut()
    {
        await using var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Mail:Outbound:Transport"] = "Pickup" });
        var now = host.Clock.GetUtcNow().UtcDateTime;
        var (text, html) = ("The toner was replaced. " + new string('x', 12_000), "<p>The toner was replaced.</p>");
        await using (var db = await host.DbAsync())
        {
            await db.GetService<IMigrator>().MigrateAsync("SharedDatabaseErrorAlertLimit");
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "OutboxMessage" ("MessageId", "Kind", "IsTest", "From", "To", "Cc", "Bcc", "Subject", "TextBody", "HtmlBody",
                    "RecipientReasons", "AutoSubmitted", "Attachments", "Status", "Attempts", "CreatedAt", "NextAttemptAt")
                VALUES ('<old-pending@helpdesk.test>', 'email_action', {false}, 'support@helpdesk.test', 'alice@customer.test', '', '',
                    'Your printer', {text}, {html}, 'alice@customer.test: To — requester', {true}, '[]', 'Pending', 0, {now}, {now})
                """);

            await db.Database.MigrateAsync();
        }

        await using (var db = await host.DbAsync())
        {
            var moved = await db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.MessageId == "<old-pending@helpdesk.test>");
            Assert.Equal((text, html, "alice@customer.test: To — requester"), (moved.TextBody, moved.HtmlBody, moved.RecipientReasons));
        }
        Assert.Equal(1, await host.Get<OutboxSendStage>().ProcessDueAsync(default));
        var sent = await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(host.Get<PickupFolderTransport>().Folder, "*.eml")));
        Assert.Equal(("old-pending@helpdesk.test", text, html), (sent.MessageId, sent.TextBody, sent.HtmlBody));
    }

    [Fact]
    public async Task Migrate_PostgresTicketsFromBeforeTheirWords_AreFoundBySubjectAddressAndCaseLogAsBefore()
    {
        await using var host = await CoreTestHost.StartAsync(provider: DatabaseProvider.PostgreSQL, settings: NoMail());
        var agent = await host.AddPersonAsync("Ann Agent", "ann@helpdesk.test", PersonRoles.Agent);
        await using (var db = await host.DbAsync()) await db.GetService<IMigrator>().MigrateAsync("OutboxMessageBody");
        var caller = await host.AddPersonAsync("Carl Caller", "carl@customer.test");
        var id = await host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "Scanner offline", RequestedForId = caller.Id }, Actor.System);
        await host.Get<AppendCaseLogEntryCommand>().ExecuteAsync(
            new NewCaseLogEntry { TicketId = id, Log = CaseLogKind.Private, Text = "Reseated the firmware module." }, CoreTestHost.AgentActor(agent));

        await using (var db = await host.DbAsync())
        {
            await db.Database.MigrateAsync();
            Assert.Equal(0, await db.Database.SqlQuery<int>($"""SELECT COUNT(*)::int AS "Value" FROM "TicketSearch" WHERE "EntryId" IS NULL""").SingleAsync());
        }

        var search = host.Get<TicketSearchQuery>();
        foreach (var text in new[] { "scanner", "carl@customer.test", "firmware" })
            Assert.Equal(id, Assert.Single(await search.ExecuteAsync(text, Actor.System)).TicketId);
        var listed = await host.Get<TicketListQuery>().ExecuteAsync(new TicketListRequest { Text = "scanner" }, Actor.System);
        Assert.Equal(id, Assert.Single(listed.Items).Id);
    }

    [Fact]
    public async Task Migrate_AddressesChangedBeforeTheSearchFollowedThem_AreFoundByTheNewAddressesOnly()
    {
        await using var host = await CoreTestHost.StartAsync(settings: NoMail());
        await using (var db = await host.DbAsync())
            await db.GetService<IMigrator>().MigrateAsync(host.Provider == DatabaseProvider.PostgreSQL ? "PostgresTicketWords" : "OutboxMessageBody");
        var agent = await host.AddPersonAsync("Ann Agent", "ann@helpdesk.test", PersonRoles.Agent);
        var caller = await host.AddPersonAsync("Carl Caller", "carl@customer.test");
        var id = await host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "Scanner offline", RequestedForId = caller.Id }, Actor.System);
        await host.Get<AppendCaseLogEntryCommand>().ExecuteAsync(
            new NewCaseLogEntry { TicketId = id, Log = CaseLogKind.Private, Text = "Reseated the firmware module." }, CoreTestHost.AgentActor(agent));
        var people = host.Get<SavePersonCommand>();
        await people.ExecuteAsync(new PersonInput(caller.Id, caller.Name, "carl@example.test", [], null, caller.Roles, true));
        await people.ExecuteAsync(new PersonInput(agent.Id, agent.Name, "ann@support.test", [], null, agent.Roles, true));
        var search = host.Get<TicketSearchQuery>();
        Assert.Equal(id, Assert.Single(await search.ExecuteAsync("carl@customer.test", Actor.System)).TicketId); // what the migration corrects

        await using (var db = await host.DbAsync()) await db.Database.MigrateAsync();

        foreach (var old in new[] { "carl@customer.test", "ann@helpdesk.test" })
            Assert.Empty(await search.ExecuteAsync(old, Actor.System));
        foreach (var address in new[] { "carl@example.test", "ann@support.test" })
            Assert.Equal(id, Assert.Single(await search.ExecuteAsync(address, Actor.System)).TicketId);
    }
}
