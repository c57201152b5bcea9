using System.Security.Claims;
using Helpdesk.Core.Accounts;
using Helpdesk.Core.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Helpdesk.Blazor.Features.Account;

public sealed partial class ChangePasswordPage
{
    private string _current = "";
    private string _new = "";
    private string _repeat = "";
    private bool _done;
    private bool _mustChange;
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();

    [Inject] private ConsoleUsers Users { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = default!;

    protected override async Task OnInitializedAsync() =>
        _mustChange = await PasswordChangeGate.IsPendingAsync((await Authentication).User, Users);

    private async Task ChangeAsync()
    {
        _done = false;
        if (_new != _repeat)
        {
            _errors = new Dictionary<string, string> { ["repeat"] = "The two new passwords differ." };
            return;
        }
        try
        {
            var userId = (await Authentication).User.FindFirstValue(ClaimTypes.NameIdentifier)!;
            await Users.ChangeOwnPasswordAsync(userId, _current, _new);
            _errors = new Dictionary<string, string>();
            _current = _new = _repeat = "";
            (_done, _mustChange) = (true, false);
        }
        catch (ValidationFailedException ex)
        {
            _errors = ex.Errors;
        }
    }

    private string? ErrorFor(string field) => _errors.GetValueOrDefault(field);
}
