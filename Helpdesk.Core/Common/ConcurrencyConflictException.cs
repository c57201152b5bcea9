namespace Helpdesk.Core.Common;

/// <summary>Someone else saved the same record first; nothing of theirs was overwritten.</summary>
public sealed class ConcurrencyConflictException(string message) : Exception(message);
