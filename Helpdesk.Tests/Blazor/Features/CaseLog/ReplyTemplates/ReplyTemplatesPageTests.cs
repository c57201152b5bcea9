using Bunit;
using Helpdesk.Blazor.Features.CaseLog.ReplyTemplates;
using Helpdesk.Tests.TestSupport;

namespace Helpdesk.Tests.Blazor.Features.CaseLog.ReplyTemplates;

public sealed class ReplyTemplatesPageTests : HelpdeskBunitContext
{
    private static void Fill(IRenderedComponent<ReplyTemplatesPage> cut, string name, string body)
    {
        cut.Find("input[data-testid=reply-template-name]").Change(name);
        cut.Find("textarea[data-testid=reply-template-body]").Change(body);
        cut.Find("button[data-testid=save-reply-template]").Click();
    }

    [Fact]
    public void ReplyTemplatesPage_BadInput_ShowsEachFieldsErrorAndKeepsWhatWasTyped()
    {
        var cut = Render<ReplyTemplatesPage>();

        Fill(cut, "", "Hi $this->nope$");

        cut.WaitForAssertion(() => Assert.Contains("A name is required.", cut.Find("[data-testid=reply-template-form]").TextContent));
        Assert.Contains("Unknown placeholder '$this->nope$'", cut.Find("[data-testid=reply-template-form]").TextContent);
        Assert.Equal("Hi $this->nope$", cut.Find("textarea[data-testid=reply-template-body]").GetAttribute("value"));
        Assert.Empty(cut.FindAll("[data-testid=reply-template-row]"));
    }

    [Fact]
    public void ReplyTemplatesPage_CreateThenDelete_ListFollows()
    {
        var cut = Render<ReplyTemplatesPage>();

        Fill(cut, "Greeting", "Dear $this->caller_id_friendlyname$,");
        cut.WaitForAssertion(() => Assert.Contains("Greeting", cut.Find("[data-testid=reply-template-row]").TextContent));

        cut.Find("[data-testid=delete-reply-template]").Click();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=reply-template-row]")));
    }
}
