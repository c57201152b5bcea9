using Bunit;
using Helpdesk.Blazor.Components.Shared;
using Helpdesk.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Helpdesk.Tests.Blazor.Components.Shared;

public sealed class PlainSearchFieldTests : BunitContext
{
    private readonly List<string> _told = [];

    private IRenderedComponent<PlainSearchField> Render(int debounce, string? value = null, bool clearable = false) =>
        Render<PlainSearchField>(p => p.Add(f => f.Value, value).Add(f => f.DebounceMilliseconds, debounce).Add(f => f.Clearable, clearable)
            .Add(f => f.ValueChanged, text => _told.Add(text)).AddUnmatched("data-testid", "box"));

    [Fact]
    public async Task Typing_WithADebounce_TellsOnlyTheTextTypedLastOnceTheTypingPauses()
    {
        var cut = Render(debounce: 150);

        var input = cut.Find("[data-testid=box]");
        var first = input.InputAsync(new ChangeEventArgs { Value = "pri" });
        var second = input.InputAsync(new ChangeEventArgs { Value = "printer" });
        await Task.WhenAll(first, second);

        Assert.Equal(["printer"], _told);
        Assert.Equal("printer", cut.Find("[data-testid=box]").GetAttribute("value"));
    }

    [Fact]
    public async Task Typing_WithoutADebounce_TellsEveryKeystroke()
    {
        var cut = Render(debounce: 0);

        await cut.Find("[data-testid=box]").InputAsync(new ChangeEventArgs { Value = "p" });
        await cut.Find("[data-testid=box]").InputAsync(new ChangeEventArgs { Value = "pr" });

        Assert.Equal(["p", "pr"], _told);
    }

    [Fact]
    public async Task ClearButton_TextTyped_EmptiesTheBoxAndTellsAtOnce()
    {
        var cut = Render(debounce: 10_000, value: "router", clearable: true);
        Assert.Equal("router", cut.Find("[data-testid=box]").GetAttribute("value"));

        await cut.Find("button[aria-label=Clear]").ClickAsync(new MouseEventArgs());

        Assert.Equal([""], _told);
        Assert.Equal("", cut.Find("[data-testid=box]").GetAttribute("value"));
        Assert.Empty(cut.FindAll("button[aria-label=Clear]"));
    }

    [Fact]
    public async Task ClearButton_WhileTypedTextWaits_OnlyTheClearingIsTold()
    {
        var cut = Render(debounce: 300, clearable: true);
        var typing = cut.Find("[data-testid=box]").InputAsync(new ChangeEventArgs { Value = "router" });

        await cut.Find("button[aria-label=Clear]").ClickAsync(new MouseEventArgs());
        await typing;

        Assert.Equal([""], _told);
    }

    [Fact]
    public async Task OwnersValue_NewOne_ReplacesTheText_TheOneItWasToldKeepsWhatIsTyped()
    {
        var cut = Render(debounce: 0, value: "old");
        await cut.Find("[data-testid=box]").InputAsync(new ChangeEventArgs { Value = "typed" });

        cut.Render(p => p.Add(f => f.Value, "typed"));
        Assert.Equal("typed", cut.Find("[data-testid=box]").GetAttribute("value"));

        cut.Render(p => p.Add(f => f.Value, "from a link"));
        Assert.Equal("from a link", cut.Find("[data-testid=box]").GetAttribute("value"));
    }

    [Fact]
    public void Keys_NobodyListens_NoKeystrokeGoesToTheServer()
    {
        var cut = Render(debounce: 0);

        Assert.Throws<MissingEventHandlerException>(() => cut.Find("[data-testid=box]").KeyDown(new KeyboardEventArgs { Key = "a" }));
    }

    [Fact]
    public void Input_ServerRendersWhileTheAgentTypesOn_KeepsTheBrowsersTextNotAnOlderOne()
    {
        var cut = Render(debounce: 0);

        // Without it a render sent while keystrokes were on their way put an older text back (CI typed "zeppelin" and
        // searched for "zppelin").
        Assert.Contains(("oninput", "value"), RenderTreeFrames.EventHandlers(this, cut));
    }
}
