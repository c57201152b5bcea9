using Helpdesk.Core.Departments;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.Notifications.Oql;
using Helpdesk.Core.People;
using Helpdesk.Core.Teams;

namespace Helpdesk.Tests.Core.Notifications.Oql;

/// <summary>The compiled recipient predicates, evaluated in memory over a small directory.</summary>
public sealed class PersonQueryCompilerTests
{
    private static readonly Team Network = new() { Id = 10, Name = "Network" };
    private static readonly Department Support = new() { Id = 20, Name = "Support" };

    private static readonly Person[] People =
    [
        new() { Id = 1, Name = "Alice", PrimaryEmail = "alice@customer.test", OrganizationId = 5 },
        new() { Id = 2, Name = "Bob", PrimaryEmail = "bob@customer.test" },
        new() { Id = 3, Name = "Nina", PrimaryEmail = "nina@helpdesk.test", Teams = [Network], Departments = [Support] },
        new() { Id = 4, Name = "Old", PrimaryEmail = "old@helpdesk.test", IsActive = false, Teams = [Network] },
    ];

    private static TicketFacts Facts(params (string Attribute, object? Value)[] values) => new()
    {
        Values = values.ToDictionary(v => v.Attribute, v => v.Value),
        FriendlyNames = new Dictionary<string, string?>(),
        Entries = [],
    };

    private static string[] Select(string query, TicketFacts facts)
    {
        var predicate = PersonQueryCompiler.Compile(PersonQueryCompiler.Validate(query), facts).Compile();
        return [.. People.Where(predicate).Select(p => p.Name)];
    }

    [Theory]
    [InlineData("SELECT Person WHERE org_id = :this->org_id")]
    [InlineData("SELECT Person WHERE org_id != :this->org_id")]
    [InlineData("SELECT Person WHERE org_id NOT IN (:this->org_id, 5)")]
    [InlineData("SELECT Person WHERE team_id = :this->team_id")]
    [InlineData("SELECT Person WHERE id != :this->agent_id")]
    public void Compile_ParameterWithoutValue_SelectsNobody(string query)
    {
        var facts = Facts(("org_id", null), ("team_id", null), ("agent_id", null));

        Assert.Empty(Select(query, facts));
    }

    [Fact]
    public void Compile_CallerQueryOfTheSeed_SelectsTheCaller() =>
        Assert.Equal(["Alice"], Select("SELECT Person WHERE id = :this->caller_id", Facts(("caller_id", 1))));

    [Fact]
    public void Compile_TeamMembership_SelectsActiveMembersOnly() =>
        Assert.Equal(["Nina"], Select("SELECT Person WHERE team_id = :this->team_id", Facts(("team_id", 10))));

    [Fact]
    public void Compile_DepartmentMembershipOrEmail_Combines() =>
        Assert.Equal(["Alice", "Nina"], Select("SELECT Person WHERE department_id = 20 OR email = 'alice@customer.test'", Facts()));

    [Fact]
    public void Compile_NotEqualWithAValue_SelectsEveryoneElse() =>
        Assert.Equal(["Bob", "Nina"], Select("SELECT Person WHERE id != :this->caller_id", Facts(("caller_id", 1))));

    [Fact]
    public void Compile_NotIn_ExcludesTheListedIds() =>
        Assert.Equal(["Nina"], Select("SELECT Person WHERE id NOT IN (1, 2)", Facts()));

    [Theory]
    [InlineData("SELECT Person WHERE id IN :this->contacts_list", new[] { "Alice", "Nina" })]
    [InlineData("SELECT Person WHERE id NOT IN :this->contacts_list", new[] { "Bob" })]
    [InlineData("SELECT Person WHERE id IN :this->contacts_list OR id = :this->caller_id", new[] { "Alice", "Bob", "Nina" })]
    public void Compile_ContactsList_SelectsTheTicketsActiveContacts(string query, string[] expected) =>
        Assert.Equal(expected, Select(query, Facts(("contacts_list", new List<int> { 1, 3, 4 }), ("caller_id", 2))));

    [Theory]
    [InlineData("SELECT Person WHERE id IN :this->contacts_list", new string[0])]
    [InlineData("SELECT Person WHERE id NOT IN :this->contacts_list", new[] { "Alice", "Bob", "Nina" })]
    public void Compile_EmptyContactsList_InSelectsNobodyNotInEveryone(string query, string[] expected) =>
        Assert.Equal(expected, Select(query, Facts(("contacts_list", new List<int>()))));
}
