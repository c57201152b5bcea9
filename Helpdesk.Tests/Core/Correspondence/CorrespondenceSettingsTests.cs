using Helpdesk.Core.Common;
using Helpdesk.Core.Correspondence;
using Helpdesk.Core.Correspondence.LoginFailures;
using Helpdesk.Core.Departments;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Processing;
using Helpdesk.Core.Mail.Outbound;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Tests.Core.Mail.Inbound.Processing;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Correspondence;

/// <summary>Switches saved in the console replace the configured ones for the next event.</summary>
public sealed class CorrespondenceSettingsTests : IAsyncLifetime
{
    private CoreTestHost _host = default!;
    private Person _caller = default!;
    private int _departmentId;

    public async Task InitializeAsync()
    {
        _host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Correspondence:AdminEmail"] = "configured@helpdesk.test",
            ["Mail:Inbound:AccountAddress"] = "support@helpdesk.test",
        });
        var manager = await _host.AddPersonAsync("Mona Manager", "mona@helpdesk.test", PersonRoles.Agent);
        var member = await _host.AddPersonAsync("Max Member", "max@helpdesk.test", PersonRoles.Agent);
        _caller = await _host.AddPersonAsync("Carl Caller", "carl@customer.test");
        await using var db = await _host.DbAsync();
        var people = await db.Set<Person>().ToDictionaryAsync(p => p.Id);
        var department = new Department { Name = "IT", Manager = people[manager.Id], Members = [people[manager.Id], people[member.Id]] };
        db.Add(department);
        await db.SaveChangesAsync();
        _departmentId = department.Id;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private CorrespondenceSettings Settings => _host.Get<CorrespondenceSettings>();

    private async Task ChangeAsync(Action<CorrespondenceSwitches> change)
    {
        var switches = await Settings.GetAsync();
        change(switches);
        await Settings.SaveAsync(switches);
    }

    private Task<int> CreateTicketAsync() =>
        _host.Get<CreateTicketCommand>().ExecuteAsync(new NewTicket { Subject = "Printer", RequestedForId = _caller.Id, DepartmentId = _departmentId, Description = "It jams." },
            new Actor(_caller.Id, _caller.Name, ActorKind.Customer));

    private async Task<string[]> RecipientsOfAsync(string kind)
    {
        await using var db = await _host.DbAsync();
        return [.. (await db.Set<OutboxMessage>().Where(m => m.Kind == kind).Select(m => m.To).ToListAsync()).Order()];
    }

    private Task<string[]> RecipientsOfAsync(CorrespondenceKind kind) => RecipientsOfAsync(CorrespondenceMail.Kind(kind));

    [Fact]
    public async Task GetAsync_NothingSaved_ReturnsConfiguration()
    {
        var switches = await Settings.GetAsync();

        Assert.Equal("configured@helpdesk.test", switches.AdminEmail);
        Assert.True(switches.NewTicketAutoresponseForEndUsers);
        Assert.Equal([AlertRecipient.AdminEmail], switches.Alerts[CorrespondenceKind.OverdueAlert].Recipients);
    }

    [Fact]
    public async Task SaveAsync_AutoresponseSwitchedOff_NextNewTicketGetsNone()
    {
        await ChangeAsync(s => s.NewTicketAutoresponseForEndUsers = false);

        await CreateTicketAsync();

        Assert.Empty(await RecipientsOfAsync(CorrespondenceKind.NewTicketAutoresponse));
        Assert.NotEmpty(await RecipientsOfAsync(CorrespondenceKind.NewTicketAlert));
    }

    [Fact]
    public async Task SaveAsync_AlertDisabled_NextNewTicketAlertsNobody()
    {
        await ChangeAsync(s => s.Alerts[CorrespondenceKind.NewTicketAlert].Enabled = false);

        await CreateTicketAsync();

        Assert.Empty(await RecipientsOfAsync(CorrespondenceKind.NewTicketAlert));
        Assert.Equal(["\"Carl Caller\" <carl@customer.test>"], await RecipientsOfAsync(CorrespondenceKind.NewTicketAutoresponse));
    }

    [Fact]
    public async Task SaveAsync_RecipientClassRemovedAndAdminEmailChanged_NextAlertFollowsTheSavedValues()
    {
        await ChangeAsync(s =>
        {
            s.AdminEmail = "saved@helpdesk.test";
            s.Alerts[CorrespondenceKind.NewTicketAlert].Recipients.Remove(AlertRecipient.DepartmentMembers);
        });

        await CreateTicketAsync();

        Assert.Equal(["\"Mona Manager\" <mona@helpdesk.test>", "saved@helpdesk.test"], await RecipientsOfAsync(CorrespondenceKind.NewTicketAlert));
    }

    [Theory]
    [InlineData("adminEmail", "Enter one email address, such as admin@example.com.")]
    [InlineData("maxOpenTicketsPerUser", "The limit cannot be negative; 0 means no limit.")]
    [InlineData("failedLoginThreshold", "At least one failed login must raise the alert.")]
    [InlineData("failedLoginWindow", "The window must be longer than zero.")]
    [InlineData("systemAlertInterval", "The interval must be longer than zero.")]
    public async Task SaveAsync_BadValue_RefusedWithFieldMessageAndNothingSaved(string field, string message)
    {
        var switches = await Settings.GetAsync();
        switches.NewMessageAutoresponse = false;
        switch (field)
        {
            case "adminEmail": switches.AdminEmail = "Admin <admin@helpdesk.test>"; break;
            case "maxOpenTicketsPerUser": switches.MaxOpenTicketsPerUser = -1; break;
            case "failedLoginThreshold": switches.FailedLoginThreshold = 0; break;
            case "failedLoginWindow": switches.FailedLoginWindow = TimeSpan.Zero; break;
            case "systemAlertInterval": switches.SystemAlertInterval = TimeSpan.FromMinutes(-5); break;
        }

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Settings.SaveAsync(switches));

        Assert.Equal(new Dictionary<string, string> { [field] = message }, error.Errors);
        Assert.True((await Settings.GetAsync()).NewMessageAutoresponse);
    }

    [Theory]
    [InlineData("")]
    [InlineData("admin")]
    [InlineData("admin@")]
    [InlineData("a@b.test, c@d.test")]
    public void Validate_NotOnePlainAddress_Refused(string email)
    {
        var error = Assert.Throws<ValidationFailedException>(() => CorrespondenceSettings.Validate(new CorrespondenceSwitches
        {
            AdminEmail = email, FailedLoginThreshold = 1, FailedLoginWindow = TimeSpan.FromMinutes(1), SystemAlertInterval = TimeSpan.FromMinutes(1),
        }));

        Assert.Equal(["adminEmail"], error.Errors.Keys);
    }

    [Fact]
    public async Task SaveAsync_ExcessiveLoginAlertsOff_ThresholdReachedMailsNothing()
    {
        await ChangeAsync(s => (s.ExcessiveLoginAlerts, s.FailedLoginThreshold) = (false, 1));

        Assert.False(await _host.Get<LoginFailureMonitor>().RecordFailureAsync("ann@helpdesk.test", "10.0.0.9"));

        Assert.Empty(await RecipientsOfAsync("system_alert"));
    }

    [Fact]
    public async Task SaveAsync_LowerFailedLoginThreshold_AppliesToTheNextFailure()
    {
        await ChangeAsync(s => s.FailedLoginThreshold = 1);

        Assert.True(await _host.Get<LoginFailureMonitor>().RecordFailureAsync("ann@helpdesk.test", "10.0.0.9"));

        Assert.Equal(["configured@helpdesk.test"], await RecipientsOfAsync("system_alert"));
    }

    [Fact]
    public async Task SaveAsync_SqlErrorAlertsOff_FailingCommandMailsNothing()
    {
        await ChangeAsync(s => s.SqlErrorAlerts = false);

        await using (var db = await _host.DbAsync())
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("SELECT * FROM no_such_table"));

        Assert.False(await _host.Get<DatabaseErrorAlerts>().LastAlert);
        Assert.Empty(await RecipientsOfAsync("system_alert"));
    }

    [Fact]
    public async Task SaveAsync_OpenTicketLimit_InboundRequestOverItIsRefused()
    {
        await ChangeAsync(s => s.MaxOpenTicketsPerUser = 1);
        await CreateTicketAsync();
        var (id, _) = await _host.Get<InboundMailStore>().StoreAsync("t", "1",
            InboundTestMail.Create("carl@customer.test", "support@helpdesk.test", "Another", "second").Bytes(), default);

        await _host.Get<InboundMailProcessor>().ProcessAsync(id, default);

        await using var db = await _host.DbAsync();
        Assert.Contains("the limit is 1", (await db.Set<InboundMessage>().SingleAsync(m => m.Id == id)).Outcome);
    }

    [Fact]
    public async Task SaveAsync_OverlimitNoticeOff_RefusedRequestGetsNoNotice()
    {
        await ChangeAsync(s => (s.MaxOpenTicketsPerUser, s.OverlimitNotice) = (1, false));
        await CreateTicketAsync();
        var (id, _) = await _host.Get<InboundMailStore>().StoreAsync("t", "1",
            InboundTestMail.Create("carl@customer.test", "support@helpdesk.test", "Another", "second").Bytes(), default);

        await _host.Get<InboundMailProcessor>().ProcessAsync(id, default);

        await using (var db = await _host.DbAsync())
            Assert.Contains("the limit is 1", (await db.Set<InboundMessage>().SingleAsync(m => m.Id == id)).Outcome);
        Assert.Empty(await RecipientsOfAsync(CorrespondenceKind.OverlimitNotice));
    }
}
