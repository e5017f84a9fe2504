using System.ComponentModel.DataAnnotations;

namespace CloudMgmt.Application.Keys;

/// <summary>How each node keeps API key answers (section <c>Auth:Keys</c>).</summary>
public sealed class KeyOptions
{
    public const string Section = "Auth:Keys";

    /// <summary>
    /// How often each node asks the key store whether any key changed; a revocation or rotation made
    /// through any node is refused by every node within about this long. Default 250 ms.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:05")]
    public TimeSpan ChangePoll { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest a node keeps an answer even when it hears of no change (should the key store be unreachable). Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often each node reports when keys were last used (lastUsedAt is kept to the minute). Default 1 min.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan UsageFlush { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest grace a rotation may give the replaced token. Default 30 days.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan MaxRotationGrace { get; set; } = TimeSpan.FromDays(30);
}
