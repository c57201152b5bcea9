using Helpdesk.Core.CaseLog.ReplyTemplates;
using Helpdesk.Core.Common;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Tests.TestSupport;

namespace Helpdesk.Tests.Core.CaseLog.ReplyTemplates;

public sealed class ReplyTemplateCommandsTests : IAsyncLifetime
{
    private CoreTestHost _host = default!;

    public async Task InitializeAsync() => _host = await CoreTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<int> SaveAsync(string name, string body, int? id = null) => _host.Get<SaveReplyTemplateCommand>().ExecuteAsync(id, name, body);

    private Task<IReadOnlyList<ReplyTemplateRow>> ListAsync() => _host.Get<ReplyTemplateListQuery>().ExecuteAsync();

    [Fact]
    public async Task Save_CreateEditDelete_ListShowsEachState()
    {
        var id = await SaveAsync(" Greeting ", "Hello $this->caller_id_friendlyname$,");
        await SaveAsync("Closing", "Kind regards");
        Assert.Equal(["Closing", "Greeting"], (await ListAsync()).Select(t => t.Name));

        await SaveAsync("Greeting", "Dear $this->caller_id_friendlyname$,", id);
        Assert.Equal("Dear $this->caller_id_friendlyname$,", (await ListAsync()).Single(t => t.Id == id).Body);

        await _host.Get<DeleteReplyTemplateCommand>().ExecuteAsync(id);
        Assert.Equal(["Closing"], (await ListAsync()).Select(t => t.Name));
    }

    [Fact]
    public async Task Save_EmptyNameAndUnknownPlaceholder_RefusesBothFieldsAndSavesNothing()
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => SaveAsync(" ", "Hi $this->shoe_size$"));

        Assert.Equal(["body", "name"], error.Errors.Keys.Order());
        Assert.Contains("Unknown placeholder '$this->shoe_size$'", error.Errors["body"]);
        Assert.Empty(await ListAsync());
    }

    [Fact]
    public async Task Save_DuplicateName_Refused()
    {
        await SaveAsync("Greeting", "Hello");

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => SaveAsync("Greeting", "Hi"));

        Assert.Equal("A reply template named Greeting already exists.", error.Errors["name"]);
    }

    [Fact]
    public async Task Render_ForATicket_FillsPlaceholdersWithTheAgentAsContactAndEmptyValuesAsNothing()
    {
        var agent = await _host.AddPersonAsync("Ann Agent", "ann@helpdesk.test", PersonRoles.Agent);
        var caller = await _host.AddPersonAsync("Carl Caller", "carl@customer.test");
        var ticketId = await _host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "VPN down", RequestedForId = caller.Id }, Actor.System);
        var id = await SaveAsync("Greeting", "Hello $this->caller_id_friendlyname$, about \"$this->title$\"$this->desired_completion_at$:\n$current_contact->name$");

        var text = await _host.Get<RenderReplyTemplateQuery>().ExecuteAsync(id, ticketId, agent.Id);

        Assert.Equal("Hello Carl Caller, about \"VPN down\":\nAnn Agent", text);
    }

    [Fact]
    public async Task Render_DeletedTemplate_SaysSo()
    {
        var error = await Assert.ThrowsAsync<NotFoundException>(() => _host.Get<RenderReplyTemplateQuery>().ExecuteAsync(404, 1, null));

        Assert.Contains("deleted", error.Message);
    }
}
