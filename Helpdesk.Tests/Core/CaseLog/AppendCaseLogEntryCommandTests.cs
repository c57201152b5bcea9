using System.Text;
using Helpdesk.Core.Attachments;
using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Common;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.TestSupport;

namespace Helpdesk.Tests.Core.CaseLog;

public sealed class AppendCaseLogEntryCommandTests
{
    [Fact]
    public async Task ExecuteAsync_MarkdownWithScriptAndAttachment_RendersSafeHtmlAndKeepsFile()
    {
        await using var host = await CoreTestHost.StartAsync();
        var caller = await host.AddPersonAsync("Carl Caller", "carl@customer.test");
        var ticketId = await host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "Hi", RequestedForId = caller.Id }, Actor.System);
        var file = await host.Get<BlobStore>().StageAsync("log.txt", "text/plain", new MemoryStream(Encoding.UTF8.GetBytes("line 1")), default);

        await host.Get<AppendCaseLogEntryCommand>().ExecuteAsync(new NewCaseLogEntry
        {
            TicketId = ticketId, Log = CaseLogKind.Private, Text = "**Fixed** <script>alert(1)</script>", Format = TextFormat.Markdown, Files = [file],
        }, Actor.System);

        var entry = Assert.Single((await host.Get<TicketDetailsQuery>().ExecuteAsync(ticketId, Actor.System))!.PrivateLog);
        Assert.Contains("<strong>Fixed</strong>", entry.Html);
        Assert.DoesNotContain("<script", entry.Html);
        var attachment = Assert.Single(entry.Attachments);
        Assert.Equal(("log.txt", 6L), (attachment.FileName, attachment.Size));
        await using var content = host.Get<BlobStore>().OpenRead(file.Sha256);
        Assert.Equal("line 1", await new StreamReader(content).ReadToEndAsync());
    }

    [Fact]
    public async Task ExecuteAsync_EmptyTextAndNoFiles_ThrowsValidation()
    {
        await using var host = await CoreTestHost.StartAsync();
        var caller = await host.AddPersonAsync("Carl Caller", "carl@customer.test");
        var ticketId = await host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "Hi", RequestedForId = caller.Id }, Actor.System);

        await Assert.ThrowsAsync<ValidationFailedException>(() => host.Get<AppendCaseLogEntryCommand>().ExecuteAsync(
            new NewCaseLogEntry { TicketId = ticketId, Log = CaseLogKind.Public, Text = "  " }, Actor.System));
    }

    [Fact]
    public async Task ExecuteAsync_UnknownTicket_ThrowsNotFound()
    {
        await using var host = await CoreTestHost.StartAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => host.Get<AppendCaseLogEntryCommand>().ExecuteAsync(
            new NewCaseLogEntry { TicketId = 77, Log = CaseLogKind.Public, Text = "hello" }, Actor.System));
    }
}
