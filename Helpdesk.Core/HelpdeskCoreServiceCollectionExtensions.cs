using Helpdesk.Core.Accounts;
using Helpdesk.Core.Attachments;
using Helpdesk.Core.CaseLog;
using Helpdesk.Core.Common;
using Helpdesk.Core.Correspondence;
using Helpdesk.Core.DemoData;
using Helpdesk.Core.Leases;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.Departments;
using Helpdesk.Core.Organizations;
using Helpdesk.Core.People;
using Helpdesk.Core.People.Queries;
using Helpdesk.Core.Teams;
using Helpdesk.Core.Persistence;
using Helpdesk.Core.SharedState;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Events;
using Helpdesk.Core.Tickets.Queries;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core;

public static class HelpdeskCoreServiceCollectionExtensions
{
    /// <summary>Everything the helpdesk needs except UI and hosting: options, persistence and each feature.</summary>
    public static IHostApplicationBuilder AddHelpdeskCore(this IHostApplicationBuilder builder)
    {
        // Persistence first: hosted services start in order, and on PostgreSQL Data Protection's start-up read of the key
        // ring needs the migrated table and the keys copied in from the data folder (DataFolderKeysImport).
        builder.AddPersistence();
        builder.AddCommon();
        builder.AddSharedState();
        builder.AddLeases();
        builder.Services.AddDirectory();
        builder.Services.AddTickets();
        builder.AddCaseLog();
        builder.AddAttachments();
        builder.AddAccounts();
        builder.AddInboundMail();
        builder.AddOutboundMail();
        builder.Services.AddTransient<Mail.RawMailQuery>();
        builder.AddNotifications();
        builder.AddCorrespondence();
        builder.AddDemoData();
        return builder;
    }

    private static void AddCommon(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<HelpdeskOptions>().Bind(builder.Configuration.GetSection(HelpdeskOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.DataFolder), "Helpdesk:DataFolder must not be empty.")
            .Validate(o => Uri.TryCreate(o.PublicUrl, UriKind.Absolute, out _), "Helpdesk:PublicUrl must be an absolute URL.")
            .Validate(o => o.WorkersStartDelay >= TimeSpan.Zero, "Helpdesk:WorkersStartDelay must not be negative.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton(sp => new DataFolder(sp.GetRequiredService<IOptions<HelpdeskOptions>>(), builder.Environment.ContentRootPath));
        // Saved mailbox passwords (and login cookies) must survive restarts and a moved install, so the keys live in
        // the data folder under a fixed application name.
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("Helpdesk");
        if (builder.Configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificate)
            dataProtection.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(certificate, builder.Configuration["DataProtection:CertificatePassword"]));
        else
            // Linux has no DPAPI: without a certificate the keys rest in a folder only the app's user may read, which is
            // what the framework's "may be persisted unencrypted" warning on every first start is about.
            builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error);
        // Several PostgreSQL instances must share one key ring (a cookie or mailbox password protected by one is read by another).
        if (DatabaseProviderSelection.From(builder.Configuration) == DatabaseProvider.PostgreSQL)
            dataProtection.PersistKeysToDbContext<HelpdeskDbContext>();
        else
            builder.Services.AddOptions<KeyManagementOptions>().Configure<DataFolder, ILoggerFactory>((o, folder, logs) =>
                o.XmlRepository = new FileSystemXmlRepository(OwnerOnlyFolder(folder.Combine("keys")), logs));
    }

    private static DirectoryInfo OwnerOnlyFolder(string path)
    {
        var folder = System.IO.Directory.CreateDirectory(path);
        if (!OperatingSystem.IsWindows())
            folder.UnixFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        return folder;
    }

    private static void AddDirectory(this IServiceCollection services)
    {
        services.AddTransient<PersonSearchQuery>();
        services.AddTransient<SavePersonCommand>();
        services.AddTransient<PersonListQuery>();
        services.AddTransient<SaveTeamCommand>();
        services.AddTransient<DeleteTeamCommand>();
        services.AddTransient<TeamListQuery>();
        services.AddTransient<SaveDepartmentCommand>();
        services.AddTransient<DeleteDepartmentCommand>();
        services.AddTransient<DepartmentListQuery>();
        services.AddTransient<SaveOrganizationCommand>();
        services.AddTransient<OrganizationListQuery>();
        services.AddTransient<ServiceCatalog.ServiceCatalogCommands>();
        services.AddTransient<ChangesAndProblems.ChangeOrProblemCommands>();
        services.AddTransient<ServiceCatalog.SupportAgreementListQuery>();
        services.AddTransient<ServiceCatalog.SaveSupportAgreementCommand>();
    }

    private static void AddTickets(this IServiceCollection services)
    {
        services.AddSingleton<Tickets.Writing.TicketChangeNotifier>();
        services.AddSingleton<ITicketChangeFeed>(sp => sp.GetRequiredService<Tickets.Writing.TicketChangeNotifier>());
        services.AddHostedService(sp => sp.GetRequiredService<Tickets.Writing.TicketChangeNotifier>());
        services.AddTransient<Tickets.Writing.TicketWrite>();
        services.AddTransient<TicketEventPublisher>();
        services.AddTransient<CreateTicketCommand>();
        services.AddTransient<UpdateTicketCommand>();
        services.AddSingleton<Tickets.WaitingUntilSweep>();
        services.AddTransient<TicketListQuery>();
        services.AddTransient<Tickets.Search.TicketSearchQuery>();
        services.AddTransient<BulkUpdateTicketsCommand>();
        services.AddTransient<Tickets.Views.TicketViewCountsQuery>();
        services.AddTransient<Tickets.Views.SavedTicketViewListQuery>();
        services.AddTransient<Tickets.Views.SaveTicketViewCommand>();
        services.AddTransient<Tickets.Views.DeleteTicketViewCommand>();
        services.AddTransient<Tickets.Views.MoveTicketViewCommand>();
        services.AddTransient<TicketDetailsQuery>();
        services.AddTransient<TicketLookupsQuery>();
        services.AddTransient<Tickets.Contacts.AddTicketContactCommand>();
        services.AddTransient<Tickets.Contacts.RemoveTicketContactCommand>();
        services.AddTransient<Tickets.Contacts.TicketContactsQuery>();
    }

    private static void AddCaseLog(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CaseLog.RemoteImages.RemoteImageOptions>().Bind(builder.Configuration.GetSection(CaseLog.RemoteImages.RemoteImageOptions.Section))
            .Validate(o => o.MaxBytes > 0 && o.Timeout > TimeSpan.Zero, "Security:RemoteImages needs a positive MaxBytes and Timeout.")
            .ValidateOnStart();
        var services = builder.Services;
        services.AddSingleton<HtmlSafety.UntrustedHtml>();
        services.AddSingleton<CaseLogTextRenderer>();
        services.AddSingleton<CaseLogHtml>();
        services.AddSingleton<IStartupSeeder, CaseLogHtmlUpgrade>();
        services.AddSingleton<CaseLog.RemoteImages.RemoteImageFetcher>();
        services.AddTransient<CaseLog.RemoteImages.RemoteImageQuery>();
        services.AddTransient<CaseLogEntryFactory>();
        services.AddTransient<AppendCaseLogEntryCommand>();
        services.AddTransient<CaseLog.Drafts.SaveCaseLogDraftCommand>();
        services.AddTransient<CaseLog.Drafts.CaseLogDraftsQuery>();
        services.AddTransient<CaseLog.ReplyTemplates.SaveReplyTemplateCommand>();
        services.AddTransient<CaseLog.ReplyTemplates.DeleteReplyTemplateCommand>();
        services.AddTransient<CaseLog.ReplyTemplates.ReplyTemplateListQuery>();
        services.AddTransient<CaseLog.ReplyTemplates.RenderReplyTemplateQuery>();
    }

    private static void AddAttachments(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AttachmentOptions>().Bind(builder.Configuration.GetSection(AttachmentOptions.Section))
            .Validate(o => o.MaxFileSizeBytes > 0, "Attachments:MaxFileSizeBytes must be positive.")
            .ValidateOnStart();
        builder.Services.AddOptions<BlobOptions>().Bind(builder.Configuration.GetSection(BlobOptions.Section));
        builder.Services.AddSingleton<IBlobContent>(sp => BlobContentSelection.For(sp.GetRequiredService<IOptions<BlobOptions>>().Value, sp));
        builder.Services.AddSingleton<BlobStore>();
        builder.Services.AddTransient<AttachmentContentQuery>();
    }

    private static void AddDemoData(this IHostApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue<bool>("Helpdesk:SeedDemoData"))
            builder.Services.AddSingleton<IStartupSeeder, DemoDataSeeder>();
    }

    private static void AddAccounts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AdminBootstrapOptions>().Bind(builder.Configuration.GetSection(AdminBootstrapOptions.Section));
        builder.Services.AddSingleton<IStartupSeeder, AdminBootstrapper>();
        builder.Services.AddTransient<ConsoleUsers>();
        builder.Services.AddSingleton<DecoyPassword>();
        builder.Services.AddOptions<LoginThrottleOptions>().Bind(builder.Configuration.GetSection(LoginThrottleOptions.Section))
            .Validate(o => o.MaxFailuresPerAddress > 0 && o.Window > TimeSpan.Zero, "Login: MaxFailuresPerAddress and Window must be positive.")
            .ValidateOnStart();
        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>().CreateDbContext());
        builder.Services.AddIdentity<HelpdeskUser, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.SignIn.RequireConfirmedAccount = true;
            })
            .AddEntityFrameworkStores<HelpdeskDbContext>()
            .AddClaimsPrincipalFactory<ConsoleClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();
        builder.Services.AddScoped<IUserConfirmation<HelpdeskUser>, ActivePersonConfirmation>();
        // Deactivating a person renews their login's security stamp; an open session notices within a minute.
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
    }
}
