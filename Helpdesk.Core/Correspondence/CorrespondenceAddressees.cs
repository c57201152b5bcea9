using Helpdesk.Core.Mail.Outbound;

namespace Helpdesk.Core.Correspondence;

/// <param name="SwitchedOffBy">"global", "department X" or "help topic Y" when a switch stops the message; then there are no recipients.</param>
public sealed record CorrespondenceAddressees(IReadOnlyList<OutboxRecipient> Recipients, string? SwitchedOffBy)
{
    public static CorrespondenceAddressees Off(string by) => new([], by);
}
