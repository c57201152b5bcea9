namespace Helpdesk.Core.Common;

/// <summary>The actor may not do this; the message is a sentence the user can read.</summary>
public sealed class AccessDeniedException(string message) : Exception(message);
