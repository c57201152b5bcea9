using Helpdesk.Core.Notifications;
using Helpdesk.Core.Notifications.Oql;
using Helpdesk.Core.People;
using Helpdesk.Core.Teams;

namespace Helpdesk.Tests.Core.Notifications.Oql;

/// <summary>The picker's queries go through the real parser and compiler, over a small directory, in memory.</summary>
public sealed class RecipientQueryTests
{
    private static readonly Team Network = new() { Id = 10, Name = "Network" };

    private static readonly Person[] People =
    [
        new() { Id = 1, Name = "Carl Caller", PrimaryEmail = "carl@customer.test" },
        new() { Id = 2, Name = "Connie Contact", PrimaryEmail = "connie@customer.test" },
        new() { Id = 3, Name = "Nina Network", PrimaryEmail = "nina@helpdesk.test", Teams = [Network] },
        new() { Id = 4, Name = "Adam Agent", PrimaryEmail = "adam@helpdesk.test" },
        new() { Id = 5, Name = "Olive O'Brien", PrimaryEmail = "o'brien@customer.test" },
    ];

    private static readonly TicketFacts Ticket = new()
    {
        Values = new Dictionary<string, object?> { ["caller_id"] = 1, ["contacts_list"] = new[] { 2 }, ["team_id"] = 10, ["agent_id"] = 4 },
        FriendlyNames = new Dictionary<string, string?>(),
        Entries = [],
    };

    private static string[] Select(string query)
    {
        var predicate = PersonQueryCompiler.Compile(PersonQueryCompiler.Validate(query), Ticket).Compile();
        return [.. People.Where(predicate).Select(p => p.Name)];
    }

    [Theory]
    [InlineData(RecipientKind.Requester, null, "Carl Caller")]
    [InlineData(RecipientKind.Contacts, null, "Connie Contact")]
    [InlineData(RecipientKind.TeamMembers, null, "Nina Network")]
    [InlineData(RecipientKind.AssignedAgent, null, "Adam Agent")]
    [InlineData(RecipientKind.Person, "o'brien@customer.test", "Olive O'Brien")]
    public void Write_OnePick_TheParserAcceptsItAndItSelectsThatPerson(RecipientKind kind, string? email, string expected) =>
        Assert.Equal([expected], Select(RecipientQuery.Write([new RecipientPick(kind, email)])!));

    [Fact]
    public void Write_SeveralPicks_SelectsEachAndReadsBackAsTheSamePicks()
    {
        RecipientPick[] picks = [new(RecipientKind.Requester), new(RecipientKind.Contacts), new(RecipientKind.Person, "o'brien@customer.test")];

        var query = RecipientQuery.Write([.. picks, picks[0]])!;

        Assert.Equal(@"SELECT Person WHERE id = :this->caller_id OR id IN :this->contacts_list OR email = 'o\'brien@customer.test'", query);
        Assert.Equal(["Carl Caller", "Connie Contact", "Olive O'Brien"], Select(query));
        Assert.Equal(picks, RecipientQuery.Read(query));
    }

    [Theory]
    [InlineData("SELECT Person WHERE id = :this->caller_id")]
    [InlineData("select person where team_id = :this->team_id or ID = :this->agent_id")]
    public void Read_QueryThePickerCouldWrite_GivesItsPicks(string query) => Assert.NotEmpty(RecipientQuery.Read(query)!);

    [Theory]
    [InlineData("SELECT Person WHERE org_id = :this->org_id")]
    [InlineData("SELECT Person WHERE id = :this->caller_id AND is_active = 1")]
    [InlineData("SELECT Person WHERE id != :this->agent_id")]
    [InlineData("SELECT Person")]
    [InlineData("SELECT Person WHERE id = ")]
    public void Read_HandWrittenOrBrokenQuery_IsNull(string query) => Assert.Null(RecipientQuery.Read(query));

    [Fact]
    public void WriteAndRead_Nothing_NoQueryAndNoPicks()
    {
        Assert.Null(RecipientQuery.Write([]));
        Assert.Empty(RecipientQuery.Read("  ")!);
    }
}
