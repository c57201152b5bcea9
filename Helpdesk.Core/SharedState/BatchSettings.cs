using System.Collections.Concurrent;

namespace Helpdesk.Core.SharedState;

/// <summary>
/// Settings that every mail of an inbound batch reads alike (correspondence switches and templates, triggers, the email
/// policy): read once per batch instead of once per mail. Outside a batch every read goes to the database. A save of any
/// setting (<see cref="SettingsChanges"/>: on this instance, or on PostgreSQL another) empties the batch's copy, so the
/// next mail reads what was saved.
/// </summary>
public sealed class BatchSettings
{
    // The batch belongs to the processing flow that began it; parallel flows (other rounds, the console) read the database.
    private static readonly AsyncLocal<Batch?> Ambient = new();

    private int _version;

    public BatchSettings(SettingsChanges changes) => changes.Changed += _ => Interlocked.Increment(ref _version);

    /// <summary>Keeps what <see cref="ReadAsync{T}"/> reads in this flow until the returned batch is disposed.</summary>
    public IDisposable Begin()
    {
        var batch = new Batch(this);
        Ambient.Value = batch;
        return batch;
    }

    /// <summary>The value read earlier in this batch under <paramref name="key"/>, else <paramref name="read"/>'s.</summary>
    public static Task<T> ReadAsync<T>(string key, Func<Task<T>> read) => Ambient.Value is { } batch ? batch.ReadAsync(key, read) : read();

    private sealed class Batch(BatchSettings owner) : IDisposable
    {
        private readonly ConcurrentDictionary<string, object?> _values = new();
        private int _version = Volatile.Read(ref owner._version);

        public async Task<T> ReadAsync<T>(string key, Func<Task<T>> read)
        {
            var version = Volatile.Read(ref owner._version);
            if (version != _version)
            {
                _values.Clear();
                _version = version;
            }
            if (_values.TryGetValue(key, out var kept)) return (T)kept!;
            var value = await read();
            // A save during the read may have been read or not: that value is used once, not kept.
            if (Volatile.Read(ref owner._version) == version) _values[key] = value;
            return value;
        }

        public void Dispose()
        {
            if (Ambient.Value == this) Ambient.Value = null;
        }
    }
}
