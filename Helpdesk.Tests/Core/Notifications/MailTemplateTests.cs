using Helpdesk.Core.CaseLog;
using Helpdesk.Core.HtmlSafety;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.Notifications.Templates;
using Helpdesk.Core.People;

namespace Helpdesk.Tests.Core.Notifications;

public sealed class MailTemplateTests
{
    private static CaseLogEntry Entry(long id, CaseLogKind log, string text, int minute) => new()
    {
        Id = id, Log = log, AuthorName = "Ann <Agent>", Text = text, Html = System.Net.WebUtility.HtmlEncode(text), CreatedAt = new DateTime(2026, 11, 24, 10, minute, 0, DateTimeKind.Utc),
    };

    private static TicketFacts Facts(CaseLogEntry? trigger = null) => new()
    {
        Values = new Dictionary<string, object?> { ["id"] = 42, ["ref"] = "HD-42", ["title"] = "Printer <broken> & smoking", ["status"] = "assigned", ["caller_id"] = 7 },
        FriendlyNames = new Dictionary<string, string?> { ["caller_id"] = "Carl & Co" },
        Entries = [Entry(2, CaseLogKind.Public, "second", 2), Entry(1, CaseLogKind.Public, "first", 1), Entry(3, CaseLogKind.Private, "secret", 3)],
        CurrentContact = new Person { Name = "Ann Agent", PrimaryEmail = "ann@helpdesk.test" },
        TriggeringEntry = trigger,
    };

    [Fact]
    public void RenderHtml_SeedBody_FillsFriendlyNameAndLatestPublicEntryEscaped()
    {
        var html = MailTemplate.Parse("Dear $this->caller_id_friendlyname$, $this->head(public_log)$ — $this->title$").RenderHtml(Facts(), "https://hd.test", MailAudience.Customers);

        Assert.Equal("Dear Carl &amp; Co, second — Printer &lt;broken&gt; &amp; smoking", html);
    }

    [Fact]
    public void RenderText_DoesNotEscapeAndHyperlinkIsTheTicketUrl()
    {
        var text = MailTemplate.Parse("$this->ref$ $this->title$: $this->hyperlink()$ by $current_contact->name$").RenderText(Facts(), "https://hd.test/");

        Assert.Equal("HD-42 Printer <broken> & smoking: https://hd.test/tickets/42 by Ann Agent", text);
    }

    [Fact]
    public void RenderHtml_HyperlinkForCustomers_GivesTheNumberToReplyWithAndNoConsoleUrl()
    {
        var html = MailTemplate.Parse("$this->hyperlink()$").RenderHtml(Facts(), "https://hd.test", MailAudience.Customers);

        Assert.Equal("Your reference: HD-42. Reply to this mail to add to your request.", html);
    }

    [Fact]
    public void RenderHtml_HyperlinkForAgents_LinksIntoTheConsole()
    {
        var html = MailTemplate.Parse("$this->hyperlink()$").RenderHtml(Facts(), "https://hd.test", MailAudience.Agents);

        Assert.Contains("href=\"https://hd.test/tickets/42\"", html);
    }

    [Theory]
    [InlineData("New ticket from $this->caller_id_friendlyname$ for $this->department_id_friendlyname$:", "New ticket from Carl &amp; Co for no department:")]
    [InlineData("Assigned to $this->agent_id_friendlyname$ / $this->team_id_friendlyname$.", "Assigned to nobody yet / no team.")]
    public void RenderHtml_EmptyFriendlyName_ReadsAsAWord(string template, string expected) =>
        Assert.Equal(expected, MailTemplate.Parse(template).RenderHtml(Facts(), "https://hd.test", MailAudience.Agents));

    [Fact]
    public void RenderText_HeadWithTriggeringEntry_UsesThatEntry()
    {
        var just = Entry(9, CaseLogKind.Public, "just written", 0);

        Assert.Equal("just written", MailTemplate.Parse("$this->head(public_log)$").RenderText(Facts(just), "x"));
    }

    [Fact]
    public void RenderHtml_HtmlOfLog_ListsEntriesOfThatLogOnly()
    {
        var html = MailTemplate.Parse("$this->html(private_log)$").RenderHtml(Facts(), "https://hd.test", MailAudience.Agents);

        Assert.Contains("secret", html);
        Assert.DoesNotContain("second", html);
        Assert.Contains("Ann &lt;Agent&gt;", html);
    }

    [Fact]
    public void Parse_DollarSignsInText_AreKept()
    {
        Assert.Equal("Costs $5 or 10$", MailTemplate.Parse("Costs $5 or 10$").RenderText(Facts(), "x"));
    }

    [Theory]
    [InlineData("Hello $this->shoe_size$", 7, "Unknown placeholder")]
    [InlineData("x $this->head(phone_log)$", 3, "Unknown placeholder")]
    [InlineData("x $this->title_friendlyname$", 3, "Unknown placeholder")]
    [InlineData("Hi $current_contact->phone$", 4, "Unknown placeholder")]
    [InlineData("Hi $this->title", 4, "A placeholder is not closed")]
    public void Parse_BadPlaceholder_ThrowsWithPosition(string template, int position, string message)
    {
        var error = Assert.Throws<TemplateSyntaxException>(() => MailTemplate.Parse(template));

        Assert.Equal(position, error.Position);
        Assert.StartsWith(message, error.Message);
    }
}
