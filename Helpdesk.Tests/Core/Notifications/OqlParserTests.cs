using Helpdesk.Core.Notifications.Oql;

namespace Helpdesk.Tests.Core.Notifications;

public sealed class OqlParserTests
{
    [Fact]
    public void ParseQuery_SeedExample_GivesComparisonWithThisParameter()
    {
        var query = OqlParser.ParseQuery("SELECT Person WHERE id = :this->caller_id");

        Assert.Equal("Person", query.ClassName);
        var comparison = Assert.IsType<OqlComparison>(query.Where);
        Assert.Equal(("id", OqlOperator.Equal), (comparison.Field, comparison.Operator));
        Assert.Equal(new OqlParameter("this", "caller_id", 26), comparison.Value);
    }

    [Fact]
    public void ParseQuery_AndBindsTighterThanOr()
    {
        var query = OqlParser.ParseQuery("select Person where name = 'a' OR team_id = 1 AND email LIKE '%@x.test'");

        var or = Assert.IsType<OqlOr>(query.Where);
        Assert.IsType<OqlComparison>(or.Left);
        Assert.IsType<OqlAnd>(or.Right);
    }

    [Fact]
    public void ParseQuery_InAndNotInAndParentheses_AreRead()
    {
        var query = OqlParser.ParseQuery("SELECT Person WHERE (id IN (1, 2, :this->agent_id)) AND email NOT IN ('x@y.test') AND name != \"O'Brien\"");

        var and = Assert.IsType<OqlAnd>(query.Where);
        var inner = Assert.IsType<OqlAnd>(and.Left);
        Assert.Equal(3, Assert.IsType<OqlIn>(inner.Left).Values.Count);
        Assert.True(Assert.IsType<OqlIn>(inner.Right).Negated);
        Assert.Equal("O'Brien", ((OqlLiteral)Assert.IsType<OqlComparison>(and.Right).Value).Text);
    }

    [Theory]
    [InlineData("", 1, "Expected SELECT")]
    [InlineData("SELECT", 7, "Expected a class name after SELECT")]
    [InlineData("SELECT Person WHERE", 20, "Expected a field name")]
    [InlineData("SELECT Person WHERE id", 23, "Expected =, !=, LIKE or IN")]
    [InlineData("SELECT Person WHERE id = ", 26, "Expected a value")]
    [InlineData("SELECT Person WHERE name = 'open", 28, "Unterminated string")]
    [InlineData("SELECT Person WHERE id IN (1, 2", 32, "Expected ')'")]
    [InlineData("SELECT Person WHERE id = 1 extra", 28, "Unexpected text")]
    [InlineData("SELECT Person WHERE id = :this->", 33, "Expected a field name after '->'")]
    public void ParseQuery_Malformed_ThrowsWithPosition(string text, int position, string message)
    {
        var error = Assert.Throws<OqlSyntaxException>(() => OqlParser.ParseQuery(text));

        Assert.Equal(position, error.Position);
        Assert.StartsWith(message, error.Reason);
    }

    [Theory]
    [InlineData("SELECT Team WHERE id = 1", 8, "Recipient queries select Person, not Team")]
    [InlineData("SELECT Person WHERE shoe_size = 42", 21, "Person has no field 'shoe_size'")]
    [InlineData("SELECT Person WHERE id = :this->colour", 26, "Unknown parameter :this->colour")]
    [InlineData("SELECT Person WHERE id = :me", 26, "Unknown parameter :me")]
    [InlineData("SELECT Person WHERE id = :this->contacts_list", 26, ":this->contacts_list is a list")]
    [InlineData("SELECT Person WHERE id IN (1, :this->contacts_list)", 31, ":this->contacts_list is a list")]
    public void Validate_UnknownNames_ThrowWithPosition(string text, int position, string message)
    {
        var error = Assert.Throws<OqlSyntaxException>(() => PersonQueryCompiler.Validate(text));

        Assert.Equal(position, error.Position);
        Assert.StartsWith(message, error.Reason);
    }

    [Fact]
    public void ParseQuery_InAListParameter_IsOneParameterValue()
    {
        var query = PersonQueryCompiler.Validate("SELECT Person WHERE id IN :this->contacts_list");

        var @in = Assert.IsType<OqlIn>(query.Where);
        Assert.Equal(("id", false), (@in.Field, @in.Negated));
        Assert.Equal(new OqlParameter("this", "contacts_list", 27), Assert.Single(@in.Values));
    }
}
