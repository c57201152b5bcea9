using Npgsql;

namespace Helpdesk.Core.Leases;

/// <summary>The <see cref="LeaseHolder"/> row, written on the lease's own connection (EF would take another).</summary>
internal static class PostgresLeaseRow
{
    public static async Task WriteAsync(NpgsqlConnection connection, string resource, string instance, DateTime since, DateTime renewedAt, CancellationToken ct)
    {
        await using var write = new NpgsqlCommand("""
            INSERT INTO "LeaseHolder" ("Resource", "Instance", "Since", "RenewedAt") VALUES (@resource, @instance, @since, @renewedAt)
            ON CONFLICT ("Resource") DO UPDATE SET "Instance" = excluded."Instance", "Since" = excluded."Since", "RenewedAt" = excluded."RenewedAt"
            """, connection);
        write.Parameters.AddWithValue("resource", resource);
        write.Parameters.AddWithValue("instance", instance);
        write.Parameters.AddWithValue("since", DateTime.SpecifyKind(since, DateTimeKind.Utc));
        write.Parameters.AddWithValue("renewedAt", DateTime.SpecifyKind(renewedAt, DateTimeKind.Utc));
        await write.ExecuteNonQueryAsync(ct);
    }

    public static async Task<DateTime?> RenewedAtAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string resource, CancellationToken ct)
    {
        await using var read = new NpgsqlCommand("""SELECT "RenewedAt" FROM "LeaseHolder" WHERE "Resource" = @resource""", connection, transaction);
        read.Parameters.AddWithValue("resource", resource);
        return await read.ExecuteScalarAsync(ct) is DateTime at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null;
    }

    public static async Task DeleteAsync(NpgsqlConnection connection, string resource, string instance, CancellationToken ct)
    {
        await using var delete = new NpgsqlCommand("""DELETE FROM "LeaseHolder" WHERE "Resource" = @resource AND "Instance" = @instance""", connection);
        delete.Parameters.AddWithValue("resource", resource);
        delete.Parameters.AddWithValue("instance", instance);
        await delete.ExecuteNonQueryAsync(ct);
    }
}
