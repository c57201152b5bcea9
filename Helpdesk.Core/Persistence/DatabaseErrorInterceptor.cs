using System.Data.Common;
using Helpdesk.Core.Correspondence;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Core.Persistence;

/// <summary>
/// Unexpected SQL errors raise a system alert to the administrative email (once per episode, rate-limited).
/// Alerts are resolved lazily: <see cref="SystemAlerts"/> itself needs the context factory this interceptor is part of.
/// </summary>
internal sealed class DatabaseErrorInterceptor(IServiceProvider services) : DbCommandInterceptor
{
    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Raise(eventData);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Raise(eventData);
        return Task.CompletedTask;
    }

    private void Raise(CommandErrorEventData eventData)
    {
        if (eventData.Exception is OperationCanceledException) return;
        var alerts = services.GetService<SystemAlerts>();
        if (alerts is null) return;
        // Never awaited here: the failing command's caller must get its own exception, not wait for the alert.
        _ = Task.Run(() => alerts.RaiseAsync("database", "Unexpected database error",
            $"A database command failed: {eventData.Exception.GetType().Name}: {eventData.Exception.Message}"));
    }
}
