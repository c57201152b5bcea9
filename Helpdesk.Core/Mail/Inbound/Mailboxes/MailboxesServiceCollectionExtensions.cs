using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Core.Mail.Inbound.Mailboxes;

public static class MailboxesServiceCollectionExtensions
{
    public static IServiceCollection AddMailboxes(this IServiceCollection services)
    {
        services.AddSingleton<MailboxPasswords>();
        services.AddSingleton<MailboxChanges>();
        services.AddSingleton<MailboxDirectory>();
        services.AddSingleton<MailboxConnectionProbe>();
        services.AddTransient<SaveMailboxCommand>();
        services.AddTransient<DeleteMailboxCommand>();
        services.AddTransient<MailboxListQuery>();
        services.AddTransient<TestMailboxConnectionQuery>();
        return services;
    }
}
