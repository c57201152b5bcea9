using Helpdesk.Core.Tickets;

namespace Helpdesk.Tests.Core.Tickets;

public sealed class TicketNumberTests
{
    [Theory]
    [InlineData("HD-42", 42)]
    [InlineData("printer HD-42 again", 42)]
    [InlineData("hd-7", 7)]
    [InlineData("#42", 42)]
    [InlineData(" 42 ", 42)]
    [InlineData("# 42", 42)]
    [InlineData("printer", null)]
    [InlineData("#", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void FromTyped_WhatSomeoneTypes_TheTicketNumberItNames(string? text, int? expected) =>
        Assert.Equal(expected, TicketNumber.FromTyped(text));
}
