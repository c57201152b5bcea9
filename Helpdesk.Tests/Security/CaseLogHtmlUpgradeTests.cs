using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Common;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Security;

[Trait("Category", "Security")]
public sealed class CaseLogHtmlUpgradeTests
{
    [Fact]
    public async Task SeedAsync_EntryStoredByOlderRendering_IsRenderedAgainFromItsText()
    {
        await using var host = await CoreTestHost.StartAsync();
        var caller = await host.AddPersonAsync("Carl Caller", "carl@customer.test");
        var ticketId = await host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "Old row", RequestedForId = caller.Id }, Actor.System);
        const string Hostile = "<p>Look</p><img src=\"https://evil.test/pixel.png\"><img src=\"/attachments/1\" onerror=\"window.__pwned=1\">";
        await using (var db = await host.DbAsync())
        {
            db.Add(new CaseLogEntry { TicketId = ticketId, AuthorName = "Mallory", Text = Hostile, Format = TextFormat.Html, Html = Hostile, HtmlVersion = 0 });
            await db.SaveChangesAsync();
        }

        var upgrade = host.Services.GetServices<IStartupSeeder>().OfType<CaseLogHtmlUpgrade>().Single();
        await upgrade.SeedAsync(default);

        await using var check = await host.DbAsync();
        var entry = await check.Set<CaseLogEntry>().SingleAsync(e => e.AuthorName == "Mallory");
        InertHtml.Assert(entry.Html);
        Assert.Equal(CaseLogHtml.Version, entry.HtmlVersion);
        Assert.Equal(["https://evil.test/pixel.png"], entry.RemoteImageUrls);
    }
}
