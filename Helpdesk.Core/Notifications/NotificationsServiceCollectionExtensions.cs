using Helpdesk.Core.Persistence;
using Helpdesk.Core.Mail.Outbound.MailOut;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Helpdesk.Core.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddNotifications(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmailReplyOptions>().Bind(builder.Configuration.GetSection(EmailReplyOptions.Section));
        builder.Services.AddSingleton<NotificationRenderer>();
        builder.Services.AddSingleton<IMailIntentSource, NotificationEngine>();
        builder.Services.AddSingleton<IStartupSeeder, DefaultNotificationSeeder>();
        builder.Services.AddTransient<EmailReplyAvailability>();
        builder.Services.AddTransient<ReplyRecipientsQuery>();
        builder.Services.AddTransient<SaveTriggerCommand>();
        builder.Services.AddTransient<SaveEmailActionCommand>();
        builder.Services.AddTransient<NotificationSetupQuery>();
        builder.Services.AddTransient<NotificationPreviewQuery>();
        builder.Services.AddTransient<EmailActionsInTestQuery>();
        return builder;
    }
}
