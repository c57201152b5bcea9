using Helpdesk.Core.Mail.Outbound.MailOut;
using Helpdesk.Core.Tickets.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Mail.Outbound;

public static class OutboundMailServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddOutboundMail(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<OutboundMailOptions>().Bind(builder.Configuration.GetSection(OutboundMailOptions.Section))
            .Validate(o => o.Transport != MailTransportKind.Smtp || !string.IsNullOrWhiteSpace(o.SmtpHost), "Mail:Outbound:SmtpHost is required when Transport is Smtp.")
            .Validate(o => o.MaxAttempts > 0 && o.BatchSize > 0 && o.FirstBackoff > TimeSpan.Zero && o.MaxBackoff >= o.FirstBackoff,
                "Mail:Outbound: MaxAttempts and BatchSize must be positive and MaxBackoff at least FirstBackoff.")
            .ValidateOnStart();
        builder.Services.AddSingleton<PickupFolderTransport>();
        builder.Services.AddSingleton<SmtpTransport>();
        builder.Services.AddSingleton<IMailTransport>(sp => sp.GetRequiredService<IOptions<OutboundMailOptions>>().Value.Transport == MailTransportKind.Smtp
            ? sp.GetRequiredService<SmtpTransport>()
            : sp.GetRequiredService<PickupFolderTransport>());
        builder.Services.AddSingleton<MailOutComposer>();
        builder.Services.AddSingleton<ITicketEventSink>(sp => sp.GetRequiredService<MailOutComposer>());
        builder.Services.AddSingleton<MimeComposer>();
        builder.Services.AddSingleton<OutboxSendStage>();
        builder.Services.AddTransient<ResendOutboxMessageCommand>();
        builder.Services.AddTransient<OutboxListQuery>();
        return builder;
    }
}
