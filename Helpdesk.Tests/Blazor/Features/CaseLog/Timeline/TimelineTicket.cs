using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Tests.Blazor.Features.CaseLog.Timeline;

/// <summary>A ticket with a public reply, a private note, a system entry and a field change, a minute apart.</summary>
internal static class TimelineTicket
{
    public static readonly DateTime Start = new(2026, 12, 2, 9, 0, 0, DateTimeKind.Utc);

    public static TicketDetails Create() => new()
    {
        Id = 7, Number = "HD-7", Subject = "VPN", Status = TicketStatus.Assigned, Category = TicketCategory.Incident,
        RequestedFor = new PersonRef(1, "Alice", "alice@x"), RequestedBy = new PersonRef(1, "Alice", "alice@x"),
        Source = "console", CreatedAt = Start, UpdatedAt = Start, Version = 1,
        PublicLog =
        [
            Entry(3, CaseLogKind.Public, "public reply", EntryOrigin.Console, minute: 3),
            Entry(1, CaseLogKind.Public, "customer question", EntryOrigin.Customer, minute: 0),
        ],
        PrivateLog =
        [
            Entry(4, CaseLogKind.Private, "system note", EntryOrigin.System, minute: 4),
            Entry(2, CaseLogKind.Private, "private note", EntryOrigin.Console, minute: 2),
        ],
        Audit = [new AuditView(Start.AddMinutes(1), "Bob", "Status", "New", "Assigned", null)],
    };

    private static CaseLogEntryView Entry(long id, CaseLogKind log, string text, EntryOrigin origin, int minute) =>
        new(id, log, "Bob", Start.AddMinutes(minute), $"<p>{text}</p>", origin, []);
}
