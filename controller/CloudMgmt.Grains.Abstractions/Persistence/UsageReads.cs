using System.Data.Common;
using CloudMgmt.Domain.Metering;

namespace CloudMgmt.Grains.Persistence;

/// <summary>Reading metering rows, the same on SQLite and PostgreSQL: run the command, map each row, one <see cref="MeteredGrant"/> per series.</summary>
public static class UsageReads
{
    public static async Task<IReadOnlyList<T>> ReadAllAsync<T>(DbCommand command, Func<DbDataReader, SeriesNames, T> map)
    {
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        var grants = new SeriesNames();
        while (await reader.ReadAsync())
        {
            rows.Add(map(reader, grants));
        }

        return rows;
    }

    public static string? Text(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
}

/// <summary>One <see cref="MeteredGrant"/> per series within a read (an hourly read returns each grant hundreds of times).</summary>
public sealed class SeriesNames
{
    private readonly Dictionary<long, MeteredGrant> _grants = [];

    /// <summary>The grant whose series, cloud, allocation, tenant and pool are the five columns from <paramref name="first"/>.</summary>
    public MeteredGrant Get(DbDataReader reader, int first)
    {
        var series = reader.GetInt64(first);
        if (!_grants.TryGetValue(series, out var grant))
        {
            _grants[series] = grant = new MeteredGrant(series, reader.GetString(first + 1), reader.GetString(first + 2), reader.GetString(first + 3), reader.GetString(first + 4));
        }

        return grant;
    }
}
