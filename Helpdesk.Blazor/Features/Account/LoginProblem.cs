namespace Helpdesk.Blazor.Features.Account;

/// <summary>Why a login was refused. The login page shows the message for a known code only, so a crafted link cannot put words on it.</summary>
public enum LoginProblem
{
    Missing,
    Wrong,
    Throttled,
    Deactivated,
    Expired,
}

public static class LoginProblemMessages
{
    public static string Message(this LoginProblem problem) => problem switch
    {
        LoginProblem.Missing => "Enter your email address and password.",
        LoginProblem.Throttled => "Too many failed logins from your network address: wait a few minutes before you try again.",
        LoginProblem.Expired => "The login form had expired (it was open in another tab or for a long time). Log in again.",
        LoginProblem.Deactivated => "This login belongs to a deactivated person. Ask an administrator if you need access again.",
        _ => "The email address or password is not right, or the login is locked for a while after repeated failures. Try again later or ask an administrator.",
    };
}
