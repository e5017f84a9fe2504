namespace CloudMgmt.Domain.Usage;

/// <summary>
/// A bounded history of one grant: at most <c>capacity</c> points, one per time bucket of
/// <c>resolution</c> (a later sample in the same bucket replaces the earlier one, so the history
/// is downsampled to the newest observation per bucket), the oldest dropped first. A ring over one
/// array: memory is fixed once the buffer is full, however long the grant lives. Not thread-safe
/// (its owner, a grain, serialises access).
/// </summary>
public sealed class UsageSeriesBuffer
{
    private readonly UsageSample[] _points;
    private readonly long _bucketTicks;
    private int _head; // index of the oldest point
    private int _count;

    public UsageSeriesBuffer(int capacity, TimeSpan resolution)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(resolution, TimeSpan.Zero);
        _points = new UsageSample[capacity];
        _bucketTicks = resolution.Ticks;
    }

    public int Count => _count;

    public UsageSample? Latest => _count == 0 ? null : _points[(_head + _count - 1) % _points.Length];

    /// <summary>Adds a sample. One older than the latest is ignored (a late pass must not rewrite history).</summary>
    public void Add(UsageSample sample)
    {
        if (Latest is { } latest)
        {
            if (sample.At < latest.At)
            {
                return;
            }

            if (Bucket(sample.At) == Bucket(latest.At))
            {
                _points[(_head + _count - 1) % _points.Length] = sample;
                return;
            }
        }

        if (_count == _points.Length)
        {
            _points[_head] = sample;
            _head = (_head + 1) % _points.Length;
            return;
        }

        _points[(_head + _count) % _points.Length] = sample;
        _count++;
    }

    /// <summary>The points, oldest first.</summary>
    public IReadOnlyList<UsageSample> Points()
    {
        var result = new UsageSample[_count];
        for (var i = 0; i < _count; i++)
        {
            result[i] = _points[(_head + i) % _points.Length];
        }

        return result;
    }

    private long Bucket(DateTimeOffset at) => at.UtcTicks / _bucketTicks;
}
