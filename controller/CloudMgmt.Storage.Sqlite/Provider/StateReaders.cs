using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace CloudMgmt.Storage.Sqlite;

/// <summary>
/// Read connections that keep their point-lookup statement prepared. Every new grain activation
/// reads its state once, so this lookup is on the admission path; opening a pooled connection and
/// compiling the statement each time cost more than the lookup itself. A reader is used by one
/// caller at a time; at most <see cref="Kept"/> idle readers are kept, extra ones are closed.
/// </summary>
internal sealed class StateReaders(string connectionString) : IDisposable
{
    private const int Kept = 16;
    private readonly ConcurrentBag<Reader> _idle = [];

    /// <summary>The stored version and payload of <paramref name="key"/>, or null when there is no row.</summary>
    public (long Version, byte[] Payload)? Read(string key)
    {
        var reader = _idle.TryTake(out var idle) ? idle : new Reader(connectionString);
        try
        {
            return reader.Read(key);
        }
        finally
        {
            if (_idle.Count < Kept)
            {
                _idle.Add(reader);
            }
            else
            {
                reader.Dispose();
            }
        }
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var reader))
        {
            reader.Dispose();
        }
    }

    private sealed class Reader : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _select;
        private readonly SqliteParameter _key;

        public Reader(string connectionString)
        {
            _connection = new SqliteConnection(connectionString);
            _connection.Open();
            _select = _connection.CreateCommand();
            _select.CommandText = "SELECT version, payload FROM grain_state WHERE key = $key";
            _key = _select.Parameters.Add("$key", SqliteType.Text);
            _select.Prepare();
        }

        public (long, byte[])? Read(string key)
        {
            _key.Value = key;
            using var rows = _select.ExecuteReader();
            return rows.Read() ? (rows.GetInt64(0), (byte[])rows.GetValue(1)) : null;
        }

        public void Dispose()
        {
            _select.Dispose();
            _connection.Dispose();
        }
    }
}
