using AngleSharp.Dom;
using Helpdesk.Core.HtmlSafety;

namespace Helpdesk.Tests.Security;

[Trait("Category", "Security")]
public sealed class HostileMailTests(HostileMailOutbox mail) : IClassFixture<HostileMailOutbox>
{
    [Fact]
    public void StoredEntry_HostileHtmlMail_IsInertWithInlineImageAndRemoteImageBlocked()
    {
        var document = InertHtml.Assert(mail.Entry.Html);

        var inline = mail.Entry.Attachments.Where(a => a.ContentId is { } id && !id.StartsWith("abc")).OrderBy(a => a.Id).Select(a => $"/attachments/{a.Id}");
        Assert.Equal(inline, document.QuerySelectorAll("img[src]").Select(i => i.GetAttribute("src")));
        Assert.Equal(5, inline.Count());
        Assert.Equal(["https://remote.test/pixel.png", "https://remote.invalid/protocol-relative.png"], mail.Entry.RemoteImageUrls);
        Assert.Contains("Please see the invoice below.", document.Body!.TextContent);
    }

    [Theory]
    [InlineData("alert:NewTicketAlert")]
    [InlineData("autoresponse:NewTicketAutoresponse")]
    [InlineData("email_action")]
    public void OutgoingMail_CausedByHostileMail_HtmlBodyIsInertAndLoadsNothing(string kind)
    {
        var html = mail.Mail(kind).HtmlBody ?? throw new InvalidOperationException("no HTML body");

        var document = InertHtml.Assert(html, consoleImages: false);

        Assert.Contains("Please see the invoice below.", document.Body!.TextContent);
        Assert.DoesNotContain(document.Body.Descendants<IElement>(), e => e.HasAttribute("src") && !HtmlUrls.IsRasterData(e.GetAttribute("src")!));
    }

    [Fact]
    public void AgentAlert_InlineImage_IsALinkIntoTheConsole()
    {
        var inline = mail.Entry.Attachments.Single(a => a.ContentId is { } id && ContentIds.Normalize(id) == "shot@customer.test");

        var document = InertHtml.Parse(mail.Mail("alert:NewTicketAlert").HtmlBody!);

        Assert.Contains(document.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"{HostileMailOutbox.PublicUrl}/attachments/{inline.Id}" && a.TextContent == "[invoice]");
    }

    [Theory]
    [InlineData("autoresponse:NewTicketAutoresponse")]
    [InlineData("email_action")]
    public void CustomerMail_InlineImage_KeepsItsDescriptionWithoutConsoleLink(string kind)
    {
        var document = InertHtml.Parse(mail.Mail(kind).HtmlBody!);

        Assert.DoesNotContain(document.QuerySelectorAll("a"), a => a.GetAttribute("href")?.Contains("/attachments/") == true);
        Assert.Contains("[invoice]", document.Body!.TextContent);
        Assert.DoesNotContain(document.QuerySelectorAll("[title]"), e => e.GetAttribute("title")!.Contains("hd-part"));
    }
}
