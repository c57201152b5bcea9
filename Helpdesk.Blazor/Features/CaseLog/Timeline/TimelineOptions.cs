namespace Helpdesk.Blazor.Features.CaseLog.Timeline;

/// <param name="ShowSystem">Entries the helpdesk wrote itself (origin System), whichever log they are in.</param>
/// <param name="ShowHistory">Field changes from the audit trail and mails that carry no entry, inline between the entries.</param>
public sealed record TimelineOptions(
    bool ShowPublic = true,
    bool ShowPrivate = true,
    bool ShowSystem = true,
    bool ShowHistory = false,
    bool NewestFirst = false);
