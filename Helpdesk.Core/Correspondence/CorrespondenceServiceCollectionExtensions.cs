using Helpdesk.Core.Common;
using Helpdesk.Core.Correspondence.LoginFailures;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.Mail.Outbound.MailOut;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Helpdesk.Core.Correspondence;

public static class CorrespondenceServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddCorrespondence(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CorrespondenceOptions>().Bind(builder.Configuration.GetSection(CorrespondenceOptions.Section))
            .Validate(o => EmailAddresses.IsMailbox(o.AdminEmail), "Correspondence:AdminEmail must be an email address.")
            .Validate(o => o.MaxOpenTicketsPerUser >= 0 && o.FailedLoginThreshold > 0, "Correspondence: limits must not be negative.")
            .Validate(o => o.FailedLoginWindow > TimeSpan.Zero && o.SystemAlertInterval > TimeSpan.Zero, "Correspondence: FailedLoginWindow and SystemAlertInterval must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<CorrespondenceSettings>();
        builder.Services.AddSingleton<AlertRecipientResolver>();
        builder.Services.AddSingleton<CorrespondenceMail>();
        builder.Services.AddSingleton<CorrespondenceEngine>();
        builder.Services.AddSingleton<IMailIntentSource>(sp => sp.GetRequiredService<CorrespondenceEngine>());
        builder.Services.AddSingleton<OverdueSweep>();
        builder.Services.AddSingleton<SystemAlerts>();
        var acrossInstances = DatabaseProviderSelection.From(builder.Configuration) == DatabaseProvider.PostgreSQL;
        builder.Services.AddSingleton(sp => new DatabaseErrorAlerts(
            sp.GetRequiredService<SystemAlerts>(), sp.GetRequiredService<CorrespondenceSettings>(), sp.GetRequiredService<TimeProvider>(), acrossInstances));
        builder.Services.AddSingleton<LoginFailureMonitor>();
        if (acrossInstances)
            builder.Services.AddSingleton<ILoginFailureCounts, DatabaseLoginFailureCounts>();
        else
            builder.Services.AddSingleton<ILoginFailureCounts, InMemoryLoginFailureCounts>();
        builder.Services.AddTransient<CorrespondenceTemplateCommands>();
        builder.Services.AddTransient<CorrespondenceSetupCommands>();
        return builder;
    }
}
