using System.Data.Common;
using Helpdesk.Core.Correspondence;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Core.Persistence;

/// <summary>
/// Unexpected SQL errors raise a system alert to the administrative email (rate-limited, see <see cref="DatabaseErrorAlerts"/>).
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

    private void Raise(CommandErrorEventData eventData) => services.GetService<DatabaseErrorAlerts>()?.Report(eventData.Exception);
}
