using Helpdesk.Blazor.Components.Shared;
using Helpdesk.Core.Mail.Inbound;
using Helpdesk.Core.Mail.Inbound.Mailboxes;
using Helpdesk.Core.Tickets.Queries;
using MailKit.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Helpdesk.Blazor.Features.Mail;

public sealed partial class MailboxesPage
{
    private IReadOnlyList<MailboxRow> _mailboxes = [];
    private TicketLookups _lookups = TicketLookups.Empty;
    private MailboxForm? _form;
    private MailboxConnectionResult? _test;
    private bool _busy;
    private readonly FormErrors _errors = new(new Dictionary<string, string> { ["name"] = "Name", ["host"] = "Host", ["port"] = "Port", ["userName"] = "User name", ["password"] = "Password", ["folder"] = "Folder", ["helpTopic"] = "Help topic of its tickets" });

    [Inject] private MailboxListQuery Query { get; set; } = default!;
    [Inject] private SaveMailboxCommand Save { get; set; } = default!;
    [Inject] private DeleteMailboxCommand Delete { get; set; } = default!;
    [Inject] private TestMailboxConnectionQuery Test { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private TicketLookupsQuery Lookups { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _lookups = await Lookups.ExecuteAsync();
        _mailboxes = await Query.ExecuteAsync();
    }

    private void New() => Open(new MailboxForm());

    private void Edit(MailboxRow m) => Open(new MailboxForm
    {
        Id = m.Id, Name = m.Name, Kind = m.Kind, Host = m.Host, Port = m.Port, Security = m.Security, UserName = m.UserName,
        Folder = m.Folder, UseIdle = m.UseIdle, Enabled = m.Enabled, HasPassword = m.HasPassword, DefaultHelpTopicId = m.DefaultHelpTopicId,
    });

    private void Open(MailboxForm form)
    {
        _form = form;
        _test = null;
        _errors.Clear();
    }

    private void Close()
    {
        _form = null;
        _errors.Clear();
    }

    private void KindChanged(MailboxKind kind)
    {
        var f = _form!;
        // Only a port that is still some kind's default follows the kind; one the admin typed stays.
        if (f.Port is 0 or 143 or 993 or 110 or 995) f.Port = kind == MailboxKind.Pop3 ? 995 : 993;
        f.Kind = kind;
    }

    private async Task SaveAsync()
    {
        _test = null;
        if (!await _errors.RunAsync(() => Save.ExecuteAsync(_form!.ToInput()))) return;
        _form = null;
        Snackbar.Add("Saved. The mail worker picks the change up now.", Severity.Success);
        _mailboxes = await Query.ExecuteAsync();
    }

    private async Task DeleteAsync(int id)
    {
        _test = null;
        if (!await _errors.RunAsync(() => Delete.ExecuteAsync(id))) return;
        if (_form?.Id == id) _form = null;
        Snackbar.Add("Deleted.", Severity.Success);
        _mailboxes = await Query.ExecuteAsync();
    }

    private Task TestFormAsync() => TestAsync(() => Test.ExecuteAsync(_form!.ToInput()));

    private Task TestRowAsync(MailboxRow m) => m.FromConfiguration
        ? TestAsync(() => Test.ExecuteConfiguredAsync(m.Name))
        : TestAsync(() => Test.ExecuteAsync(new MailboxInput(m.Id, m.Name, m.Kind)
        {
            Host = m.Host, Port = m.Port, Security = m.Security, UserName = m.UserName, Folder = m.Folder, UseIdle = m.UseIdle,
        }));

    private async Task TestAsync(Func<Task<MailboxConnectionResult>> test)
    {
        _busy = true;
        _test = null;
        try
        {
            MailboxConnectionResult? result = null;
            if (await _errors.RunAsync(async () => result = await test())) _test = result;
        }
        finally
        {
            _busy = false;
        }
    }

    private bool Has(string field) => _errors.For(field) is not null;

    private string? ErrorFor(string field) => _errors.For(field);

    private sealed class MailboxForm
    {
        public int? Id { get; init; }
        public string Name { get; set; } = "";
        public MailboxKind Kind { get; set; } = MailboxKind.Imap;
        public string? Host { get; set; }
        public int Port { get; set; } = 993;
        public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;
        public string? UserName { get; set; }
        public string? Password { get; set; }
        public string? Folder { get; set; }
        public bool UseIdle { get; set; } = true;
        public bool Enabled { get; set; } = true;
        public int? DefaultHelpTopicId { get; set; }
        public bool HasPassword { get; init; }

        public MailboxInput ToInput() => new(Id, Name, Kind)
        {
            Host = Host, Port = Port, Security = Security, UserName = UserName, Password = Password, Folder = Folder, UseIdle = UseIdle, Enabled = Enabled, DefaultHelpTopicId = DefaultHelpTopicId,
        };
    }

    private static string KindLabel(MailboxKind kind) => kind switch
    {
        MailboxKind.Imap => "IMAP",
        MailboxKind.Pop3 => "POP3",
        _ => "Drop folder",
    };
}
