using Helpdesk.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Correspondence.LoginFailures;

/// <summary>PostgreSQL's counts: rows every instance adds to and counts from, so failures spread over instances add up.</summary>
internal sealed class DatabaseLoginFailureCounts(IDbContextFactory<HelpdeskDbContext> contextFactory) : ILoginFailureCounts
{
    private static readonly TimeSpan ForgetEvery = TimeSpan.FromMinutes(1);
    private DateTime _forgotAt = DateTime.MinValue;

    public async Task AddAsync(string addressKey, string accountKey, DateTime at, DateTime forgetBefore, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        db.AddRange(
            new LoginFailure { Scope = LoginFailureScope.Address, Key = Normal(addressKey), At = at },
            new LoginFailure { Scope = LoginFailureScope.Account, Key = Normal(accountKey), At = at });
        await db.SaveChangesAsync(ct);
        // Made-up names can be many: old rows go at most once a minute per instance.
        if (at - _forgotAt < ForgetEvery) return;
        _forgotAt = at;
        await db.Set<LoginFailure>().Where(f => f.At < forgetBefore).ExecuteDeleteAsync(ct);
    }

    public async Task<int> CountAsync(LoginFailureScope scope, string key, DateTime since, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var normal = Normal(key);
        return await db.Set<LoginFailure>().CountAsync(f => f.Scope == scope && f.Key == normal && f.At >= since, ct);
    }

    public async Task RemoveAsync(LoginFailureScope scope, string key, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var normal = Normal(key);
        await db.Set<LoginFailure>().Where(f => f.Scope == scope && f.Key == normal).ExecuteDeleteAsync(ct);
    }

    public async Task<IReadOnlyList<(string Key, int Count)>> TopAsync(LoginFailureScope scope, DateTime since, int take, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var top = await db.Set<LoginFailure>().Where(f => f.Scope == scope && f.At >= since).GroupBy(f => f.Key)
            .Select(g => new { g.Key, Count = g.Count() }).OrderByDescending(t => t.Count).ThenBy(t => t.Key).Take(take).ToListAsync(ct);
        return [.. top.Select(t => (t.Key, t.Count))];
    }

    public async Task<AlertStart> TryStartAlertAsync(DateTime now, TimeSpan interval, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The row lock makes two instances that reach the threshold together take turns: one mails, the other counts.
        await db.Database.ExecuteSqlAsync($"""INSERT INTO "LoginAlertState" ("Id", "HeldBack") VALUES ({LoginAlertState.SingletonId}, 0) ON CONFLICT DO NOTHING""", ct);
        var state = await db.Set<LoginAlertState>().FromSql($"""SELECT * FROM "LoginAlertState" WHERE "Id" = {LoginAlertState.SingletonId} FOR UPDATE""")
            .SingleAsync(ct);
        var result = new AlertStart(false, state.LastAlertAt, state.HeldBack);
        if (state.LastAlertAt is { } last && now - last < interval)
            state.HeldBack++;
        else
        {
            (state.LastAlertAt, state.HeldBack) = (now, 0);
            result = result with { Started = true };
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return result;
    }

    private static string Normal(string key) => key.ToLowerInvariant();
}
