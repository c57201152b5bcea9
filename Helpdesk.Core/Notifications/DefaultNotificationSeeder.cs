using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Notifications;

/// <summary>
/// First start: an "on log update" trigger for the public log and its email action to the caller, with the ticket's
/// contacts in Cc (a reply reaches every participant, as the composer shows), in Test status with a dummy test
/// recipient — as the Email Reply extension installs it. Adjust the recipient and activate it in the admin pages.
/// </summary>
internal sealed class DefaultNotificationSeeder(IDbContextFactory<HelpdeskDbContext> contextFactory) : IStartupSeeder
{
    public const string TestRecipient = "test-recipient@example.invalid";

    public int Order => 10;

    public async Task SeedAsync(CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        // Plain SQL: a LINQ query here would be the start's first, and compiling EF's query pipeline costs a cold start dearly.
        if ((await db.ColumnAsync($"SELECT 1 FROM \"{db.Model.FindEntityType(typeof(Trigger))!.GetTableName()}\" LIMIT 1", ct)).Count > 0) return;
        db.Add(new Trigger
        {
            Name = "Email reply: public log updated",
            Kind = TriggerKind.OnLogUpdate,
            LogAttribute = "public_log",
            Actions =
            [
                new EmailAction
                {
                    Name = "Send the public log entry to the caller and the contacts",
                    Status = ActionStatus.Test,
                    TestRecipient = TestRecipient,
                    To = "SELECT Person WHERE id = :this->caller_id",
                    Cc = "SELECT Person WHERE id IN :this->contacts_list",
                    SubjectTemplate = "$this->ref$: $this->title$",
                    // No greeting of its own: the agent's reply carries one, and two read badly.
                    BodyTemplate = "$this->head(public_log)$<p>$this->hyperlink()$</p>",
                },
            ],
        });
        await db.SaveChangesAsync(ct);
    }
}
