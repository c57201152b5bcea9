using Helpdesk.Blazor.Features.Tickets;

namespace Helpdesk.Tests.Blazor.Features.Tickets;

public sealed class PageWindowTests
{
    private const int Gap = PageWindow.Gap;

    [Theory]
    [InlineData(1, 1, new[] { 1 })]
    [InlineData(4, 7, new[] { 1, 2, 3, 4, 5, 6, 7 })]
    [InlineData(5, 9, new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 })]
    // As MudPagination showed 12 pages with the fifth selected.
    [InlineData(5, 12, new[] { 1, 2, 3, 4, 5, 6, Gap, 11, 12 })]
    [InlineData(1, 12, new[] { 1, 2, 3, 4, 5, 6, Gap, 11, 12 })]
    [InlineData(6, 12, new[] { 1, 2, Gap, 5, 6, 7, Gap, 11, 12 })]
    [InlineData(8, 12, new[] { 1, 2, Gap, 7, 8, 9, 10, 11, 12 })]
    [InlineData(12, 12, new[] { 1, 2, Gap, 7, 8, 9, 10, 11, 12 })]
    [InlineData(500, 40000, new[] { 1, 2, Gap, 499, 500, 501, Gap, 39999, 40000 })]
    public void For_SelectedOfCount_FirstAndLastTwoTheSelectedWithItsNeighboursAndGaps(int selected, int count, int[] expected)
    {
        Assert.Equal(expected, PageWindow.For(selected, count));
    }
}
