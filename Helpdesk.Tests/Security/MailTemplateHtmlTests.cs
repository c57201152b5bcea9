using Helpdesk.Core.CaseLog;
using Helpdesk.Core.HtmlSafety;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.Notifications.Templates;

namespace Helpdesk.Tests.Security;

[Trait("Category", "Security")]
public sealed class MailTemplateHtmlTests
{
    private static TicketFacts Facts(string title, string entryHtml) => new()
    {
        Values = new Dictionary<string, object?> { ["id"] = 42, ["ref"] = "HD-42", ["title"] = title },
        FriendlyNames = new Dictionary<string, string?>(),
        Entries = [new CaseLogEntry { Id = 1, Log = CaseLogKind.Public, AuthorName = "Mallory", Text = "", Html = entryHtml }],
    };

    [Fact]
    public void RenderHtml_ValueInAttributeWithQuotes_StaysInsideTheAttribute()
    {
        var facts = Facts("\" onmouseover=\"window.__pwned=1", "<p>hi</p>");

        var html = MailTemplate.Parse("<p title=\"$this->title$\">x</p>").RenderHtml(facts, "https://hd.test", MailAudience.Customers);

        var paragraph = InertHtml.Assert(html, consoleImages: false).QuerySelector("p")!;
        Assert.Equal("\" onmouseover=\"window.__pwned=1", paragraph.GetAttribute("title"));
    }

    [Fact]
    public void RenderHtml_TemplateWithScriptAndRemoteImage_IsSanitizedLast()
    {
        var html = MailTemplate.Parse("<script>x()</script><img src=\"https://tracker.test/open.gif\"><p>$this->head(public_log)$</p>")
            .RenderHtml(Facts("t", "<p>hi</p><img data-hd-remote-image=\"0\" alt=\"chart\">"), "https://hd.test", MailAudience.Agents);

        var document = InertHtml.Assert(html, consoleImages: false);
        Assert.Empty(document.QuerySelectorAll("img"));
        Assert.Contains("[chart]", document.Body!.TextContent);
    }
}
