using System.ComponentModel.DataAnnotations;

namespace CloudMgmt.Grains.Pools;

/// <summary>How pools look after reservations that an interrupted request may have left.</summary>
public sealed class ReservationOptions
{
    /// <summary>How often a pool with unconfirmed reservations checks them. Default 15 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How old an unconfirmed reservation must be before the pool asks its allocation about it.
    /// Default 10 s: well above the time a request takes, so a healthy request is never asked.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan ConfirmAfter { get; set; } = TimeSpan.FromSeconds(10);
}
