namespace Helpdesk.Core.Persistence;

/// <summary>
/// Work a caller adds to a command's transaction, so that it commits with the command's change or not at all (e.g. the
/// received mail's outcome together with the ticket it created).
/// </summary>
public delegate Task SameCommit(HelpdeskDbContext db, int ticketId, CancellationToken ct);
