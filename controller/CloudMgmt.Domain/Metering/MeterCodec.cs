using CloudMgmt.Domain.Resources;
using CloudMgmt.Domain.Usage;

namespace CloudMgmt.Domain.Metering;

/// <summary>
/// The stored form of metered figures: variable-length integers, the well-known resource names as
/// one byte. A grant-hour with three resources takes about 40 bytes, which is what the store's size
/// per grant-month mostly comes from (744 hours). Version byte first, so the form can change.
/// </summary>
public static class MeterCodec
{
    private const byte Version = 1;
    private static readonly string[] Known = ["", ResourceNames.Vcpu, ResourceNames.MemoryGiB, ResourceNames.StorageGiB, ResourceNames.Gpu];

    public static byte[] Encode(MeterTotals totals)
    {
        using var stream = new MemoryStream(48);
        using var writer = new BinaryWriter(stream);
        writer.Write(Version);
        Write(writer, totals);
        writer.Flush();
        return stream.ToArray();
    }

    public static MeterTotals Decode(byte[] payload)
    {
        using var reader = Open(payload);
        return ReadTotals(reader);
    }

    public static byte[] EncodeMonth(GrantMonth month)
    {
        using var stream = new MemoryStream(64);
        using var writer = new BinaryWriter(stream);
        writer.Write(Version);
        Write(writer, month.Totals);
        writer.Write7BitEncodedInt(month.HeldHours);
        writer.Write7BitEncodedInt(month.IdleHours);
        writer.Write7BitEncodedInt(month.IdleRunHours);
        writer.Write7BitEncodedInt(month.LongestIdleHours);
        writer.Write7BitEncodedInt64(month.MaxHourEfficiencyPpm + 1);
        writer.Write(month.LastHour);
        writer.Flush();
        return stream.ToArray();
    }

    public static GrantMonth DecodeMonth(byte[] payload)
    {
        using var reader = Open(payload);
        return new GrantMonth
        {
            Totals = ReadTotals(reader),
            HeldHours = reader.Read7BitEncodedInt(),
            IdleHours = reader.Read7BitEncodedInt(),
            IdleRunHours = reader.Read7BitEncodedInt(),
            LongestIdleHours = reader.Read7BitEncodedInt(),
            MaxHourEfficiencyPpm = reader.Read7BitEncodedInt64() - 1,
            LastHour = reader.ReadInt64(),
        };
    }

    /// <summary>An open hour with the observation in force: totals, then the sample (time in ms, granted, used) if any.</summary>
    public static byte[] EncodeOpen(MeterTotals totals, UsageSample? last, bool lastSpent)
    {
        using var stream = new MemoryStream(96);
        using var writer = new BinaryWriter(stream);
        writer.Write(Version);
        Write(writer, totals);
        writer.Write((byte)(last is null ? 0 : lastSpent ? 2 : 1));
        if (last is not null)
        {
            writer.Write(last.At.ToUnixTimeMilliseconds());
            Write(writer, last.Granted);
            Write(writer, last.Used);
        }

        writer.Flush();
        return stream.ToArray();
    }

    public static (MeterTotals Totals, UsageSample? Last, bool LastSpent) DecodeOpen(byte[] payload)
    {
        using var reader = Open(payload);
        var totals = ReadTotals(reader);
        var flag = reader.ReadByte();
        if (flag == 0)
        {
            return (totals, null, true);
        }

        var at = DateTimeOffset.FromUnixTimeMilliseconds(reader.ReadInt64());
        return (totals, new UsageSample(at, ReadVector(reader), ReadVector(reader)), flag == 2);
    }

    public static byte[] EncodeVector(ResourceVector vector)
    {
        using var stream = new MemoryStream(24);
        using var writer = new BinaryWriter(stream);
        writer.Write(Version);
        Write(writer, vector);
        writer.Flush();
        return stream.ToArray();
    }

    public static ResourceVector DecodeVector(byte[] payload)
    {
        using var reader = Open(payload);
        return ReadVector(reader);
    }

    private static BinaryReader Open(byte[] payload)
    {
        var reader = new BinaryReader(new MemoryStream(payload, writable: false));
        var version = reader.ReadByte();
        return version == Version ? reader : throw new InvalidDataException($"metering payload of version {version}; this controller reads version {Version}");
    }

    private static void Write(BinaryWriter writer, MeterTotals totals)
    {
        writer.Write7BitEncodedInt64(totals.HeldMs);
        writer.Write7BitEncodedInt(totals.Count);
        foreach (var (name, t) in totals.Entries)
        {
            WriteName(writer, name);
            writer.Write7BitEncodedInt64(t.GrantedMs);
            writer.Write7BitEncodedInt64(t.UsedMs);
            writer.Write7BitEncodedInt64(t.PeakGranted);
            writer.Write7BitEncodedInt64(t.PeakUsed);
        }
    }

    private static MeterTotals ReadTotals(BinaryReader reader)
    {
        var totals = new MeterTotals { HeldMs = reader.Read7BitEncodedInt64() };
        var count = reader.Read7BitEncodedInt();
        for (var i = 0; i < count; i++)
        {
            var name = ReadName(reader);
            totals.Add(name, new ResourceTotals(reader.Read7BitEncodedInt64(), reader.Read7BitEncodedInt64(), reader.Read7BitEncodedInt64(), reader.Read7BitEncodedInt64()));
        }

        return totals;
    }

    private static void Write(BinaryWriter writer, ResourceVector vector)
    {
        writer.Write7BitEncodedInt(vector.Count);
        foreach (var (name, value) in vector.Entries)
        {
            WriteName(writer, name);
            writer.Write7BitEncodedInt64(value);
        }
    }

    private static ResourceVector ReadVector(BinaryReader reader)
    {
        var count = reader.Read7BitEncodedInt();
        var entries = new KeyValuePair<string, long>[count];
        for (var i = 0; i < count; i++)
        {
            entries[i] = new(ReadName(reader), reader.Read7BitEncodedInt64());
        }

        return ResourceVector.From(entries);
    }

    private static void WriteName(BinaryWriter writer, string name)
    {
        var code = Array.IndexOf(Known, name);
        writer.Write((byte)Math.Max(code, 0));
        if (code <= 0)
        {
            writer.Write(name);
        }
    }

    private static string ReadName(BinaryReader reader)
    {
        var code = reader.ReadByte();
        return code == 0 ? reader.ReadString() : code < Known.Length ? Known[code] : throw new InvalidDataException($"unknown resource code {code}");
    }
}
