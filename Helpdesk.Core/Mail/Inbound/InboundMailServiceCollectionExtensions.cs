using Helpdesk.Core.Common;
using Helpdesk.Core.Mail.Inbound.Fetching;
using Helpdesk.Core.Mail.Inbound.Mailboxes;
using Helpdesk.Core.Mail.Inbound.Processing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Helpdesk.Core.Mail.Inbound;

public static class InboundMailServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddInboundMail(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<InboundMailOptions>().Bind(builder.Configuration.GetSection(InboundMailOptions.Section))
            .Validate(o => EmailAddresses.IsMailbox(o.AccountAddress), "Mail:Inbound:AccountAddress must be an email address.")
            .Validate(o => o.Mailboxes.All(m => m.Kind == MailboxKind.DropFolder || !string.IsNullOrWhiteSpace(m.Host)), "Every IMAP/POP3 mailbox in Mail:Inbound:Mailboxes needs a Host.")
            .Validate(o => o.Mailboxes.Select(m => m.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() == o.Mailboxes.Count, "Mailbox names in Mail:Inbound:Mailboxes must be unique.")
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.MaxMessagesPerSenderPerHour > 0 && o.MaxReadTime > TimeSpan.Zero,
                "Mail:Inbound:PollInterval, MaxMessagesPerSenderPerHour and MaxReadTime must be positive.")
            .Validate(o => o.BatchSize is >= 1 and <= 10_000, "Mail:Inbound:BatchSize must be between 1 and 10000.")
            .Validate(o => o.BatchTime > TimeSpan.Zero, "Mail:Inbound:BatchTime must be positive.")
            .Validate(o => o.ParallelWriters is >= 0 and <= 64, "Mail:Inbound:ParallelWriters must be between 0 (one per processor core) and 64.")
            .ValidateOnStart();
        builder.Services.AddSingleton<InboundMailStore>();
        builder.Services.AddSingleton<Policy.EmailPolicySettings>();
        builder.Services.AddSingleton<DropFolderFetcher>();
        builder.Services.AddSingleton<ImapFetcher>();
        builder.Services.AddSingleton<Pop3Fetcher>();
        builder.Services.AddSingleton<IMailboxFetcher>(sp => sp.GetRequiredService<DropFolderFetcher>());
        builder.Services.AddSingleton<IMailboxFetcher>(sp => sp.GetRequiredService<ImapFetcher>());
        builder.Services.AddSingleton<IMailboxFetcher>(sp => sp.GetRequiredService<Pop3Fetcher>());
        builder.Services.AddSingleton<InboundRouter>();
        builder.Services.AddSingleton<RequestBuilder>();
        builder.Services.AddSingleton<EventMatcher>();
        builder.Services.AddSingleton<MailLoopGuard>();
        builder.Services.AddTransient<InboundDecider>();
        builder.Services.AddTransient<InboundNotices>();
        builder.Services.AddSingleton<MailReaderThreads>();
        builder.Services.AddTransient<InboundMailProcessor>();
        builder.Services.AddTransient<InboundMailListQuery>();
        builder.Services.AddTransient<RetryInboundMailCommand>();
        builder.Services.AddMailboxes();
        return builder;
    }

    /// <summary>The configured mailboxes, or the embedded default: a local drop folder.</summary>
    public static IReadOnlyList<MailboxOptions> EffectiveMailboxes(this InboundMailOptions options) =>
        options.Mailboxes.Count > 0 ? options.Mailboxes : [new MailboxOptions { Name = "local", Kind = MailboxKind.DropFolder, Folder = DropFolderFetcher.DefaultFolder }];
}
