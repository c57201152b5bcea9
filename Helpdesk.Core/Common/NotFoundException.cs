namespace Helpdesk.Core.Common;

public sealed class NotFoundException(string message) : Exception(message);
