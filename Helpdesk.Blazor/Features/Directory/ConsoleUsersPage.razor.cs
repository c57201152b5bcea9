using Helpdesk.Blazor.Components.Shared;
using Helpdesk.Core.Accounts;
using Helpdesk.Core.Common;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Helpdesk.Blazor.Features.Directory;

public sealed partial class ConsoleUsersPage
{
    private IReadOnlyList<ConsoleUserRow> _users = [];
    private PersonRef? _person;
    private string _password = "";
    private string _resetPassword = "";
    private readonly HashSet<string> _roles = [ConsoleRoles.Agent];
    private readonly FormErrors _errors = new(new Dictionary<string, string> { ["person"] = "Person", ["roles"] = "Roles", ["newPassword"] = "Password" });

    [Inject] private ConsoleUsers Users { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync() => _users = await Users.ListAsync();

    private static void Toggle(HashSet<string> roles, string role, bool on)
    {
        if (on) roles.Add(role);
        else roles.Remove(role);
    }

    private Task CreateAsync() => RunAsync(async () =>
    {
        if (_person is null) throw new ValidationFailedException("person", "Choose the person who gets the login.");
        await Users.CreateAsync(_person.Id, _password, [.. _roles]);
        _person = null;
        _password = "";
    });

    private Task SetRoleAsync(ConsoleUserRow user, string role, bool on)
    {
        var roles = user.Roles.ToHashSet();
        Toggle(roles, role, on);
        return RunAsync(() => Users.SetRolesAsync(user.Id, [.. roles]));
    }

    private Task UnlockAsync(string id) => RunAsync(() => Users.UnlockAsync(id));

    private Task ResetAsync(string id) => RunAsync(async () =>
    {
        if (string.IsNullOrEmpty(_resetPassword)) throw new ValidationFailedException("password", "Type the new password in the field below the table first.");
        await Users.ResetPasswordAsync(id, _resetPassword);
        _resetPassword = "";
    });

    private async Task RunAsync(Func<Task> work)
    {
        if (await _errors.RunAsync(work)) Snackbar.Add("Done.", Severity.Success);
        _users = await Users.ListAsync();
    }
}
