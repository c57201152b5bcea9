using System.Diagnostics;
using Helpdesk.Core.Accounts;
using Helpdesk.Tests.TestSupport.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Benchmarks;

/// <summary>
/// How long the console takes to refuse a login for an unknown name and for a real account with a wrong password,
/// measured against the whole app (test server, real SQLite and Identity). Alike medians mean the answer time does
/// not tell whether an account exists.
/// </summary>
public static class LoginTiming
{
    public const string Scenario = "login-timing";
    public const double Tolerance = 0.20;

    public sealed record Medians(double UnknownNameMs, double WrongPasswordMs, int Rounds)
    {
        public double Ratio => UnknownNameMs / WrongPasswordMs;

        public BenchmarkResult ToResult() => new(Scenario,
            $"unknown name: median {UnknownNameMs:0.0} ms", $"wrong password: median {WrongPasswordMs:0.0} ms",
            Math.Round(Ratio, 3), $"ratio within {1 - Tolerance:0.00}-{1 + Tolerance:0.00}", Math.Abs(Ratio - 1) <= Tolerance, Rounds);
    }

    /// <summary>Logins in alternating order, after a short warm-up; the real account is unlocked between rounds, untimed.</summary>
    public static async Task<Medians> MeasureAsync(int rounds)
    {
        // The per-address throttle would refuse this one client long before the end: raised for the measurement.
        await using var host = new ConsoleHttpHost(new Dictionary<string, string> { ["Login:MaxFailuresPerAddress"] = "1000000" });
        var users = host.Factory.Services.GetRequiredService<ConsoleUsers>();
        var adminId = (await users.ListAsync()).Single(u => u.Email == ConsoleHttpHost.AdminEmail).Id;
        var client = host.CreateClient("10.9.9.9");
        var token = await ConsoleHttpHost.LoginFormTokenAsync(client);

        async Task<double> UnknownAsync(int i) => await TimeAsync(client, token, $"nobody-{i}@helpdesk.test");
        async Task<double> WrongAsync()
        {
            var ms = await TimeAsync(client, token, ConsoleHttpHost.AdminEmail);
            await users.UnlockAsync(adminId);
            return ms;
        }

        for (var i = 0; i < 3; i++)
        {
            await UnknownAsync(-1 - i);
            await WrongAsync();
        }
        var (unknown, wrong) = (new List<double>(), new List<double>());
        for (var i = 0; i < rounds; i++)
        {
            if (i % 2 == 0)
            {
                unknown.Add(await UnknownAsync(i));
                wrong.Add(await WrongAsync());
            }
            else
            {
                wrong.Add(await WrongAsync());
                unknown.Add(await UnknownAsync(i));
            }
        }
        return new Medians(Median(unknown), Median(wrong), rounds);
    }

    private static async Task<double> TimeAsync(HttpClient client, string token, string email)
    {
        var start = Stopwatch.GetTimestamp();
        var response = await ConsoleHttpHost.PostLoginAsync(client, token, email, "Guess-Pass-2026");
        var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        if (ConsoleHttpHost.LoginError(response) != "Wrong")
            throw new InvalidOperationException($"A login for {email} was not refused as wrong: {response.Headers.Location}");
        return elapsed;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
