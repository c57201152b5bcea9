namespace Helpdesk.Blazor.Features.Tickets;

/// <summary>How a ticket list's row is marked besides its ticket: ticked, tinted as changed elsewhere, under the j/k cursor.</summary>
[Flags]
public enum RowMarks
{
    None = 0,
    Selected = 1,
    Changed = 2,
    Cursor = 4,
}
