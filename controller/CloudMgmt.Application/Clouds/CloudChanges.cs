using CloudMgmt.Grains.Clouds;

namespace CloudMgmt.Application.Clouds;

/// <summary>
/// What a cloud's audit records say. Cloud records belong to the whole tree, so every unscoped
/// reader of the trail sees them (viewers too) and exports carry them: a detail says no more than
/// any of those readers may see of the cloud itself. Kind, region and labels are shown with their
/// values (old → new on a change); how the cloud is reached (endpoint, credentialsRef, settings,
/// allowInsecureEndpoint) is named when it is set or changed, never with its value: not even the
/// credentials reference, which is only a reference but is shown to unscoped operators alone, and
/// which they read from the cloud itself. The secret behind it never reaches the application layer.
/// </summary>
public static class CloudChanges
{
    public static string Registered(CloudSpec spec)
    {
        var reached = Reached(spec).ToList();
        return $"kind '{spec.Kind}', region '{spec.Region}', labels {Labels(spec.Labels)}" +
            (reached.Count > 0 ? $"; set: {string.Join(", ", reached)}" : "");
    }

    public static string Updated(CloudSpec before, CloudSpec after)
    {
        var changes = new List<string>();
        if (before.Region != after.Region)
        {
            changes.Add($"region '{before.Region}' → '{after.Region}'");
        }

        if (Labels(before.Labels) != Labels(after.Labels))
        {
            changes.Add($"labels {Labels(before.Labels)} → {Labels(after.Labels)}");
        }

        foreach (var (name, changed) in new[]
        {
            ("endpoint", before.Endpoint != after.Endpoint),
            ("credentialsRef", before.CredentialsRef != after.CredentialsRef),
            ("settings", Settings(before.Settings) != Settings(after.Settings)),
            ("allowInsecureEndpoint", before.AllowInsecureEndpoint != after.AllowInsecureEndpoint),
        })
        {
            if (changed)
            {
                changes.Add($"{name} changed");
            }
        }

        return changes.Count > 0 ? string.Join("; ", changes) : "no change";
    }

    public static string Removed(CloudSpec spec) => $"kind '{spec.Kind}', region '{spec.Region}' no longer managed";

    private static IEnumerable<string> Reached(CloudSpec spec)
    {
        if (spec.Endpoint is not null)
        {
            yield return "endpoint";
        }

        if (spec.CredentialsRef is not null)
        {
            yield return "credentialsRef";
        }

        if (spec.Settings.Count > 0)
        {
            yield return "settings";
        }

        if (spec.AllowInsecureEndpoint)
        {
            yield return "allowInsecureEndpoint";
        }
    }

    private static string Labels(IReadOnlyDictionary<string, string> labels) =>
        "{" + string.Join(", ", labels.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}: '{e.Value}'")) + "}";

    /// <summary>Compared, never shown: a setting's value may say more than it should.</summary>
    private static string Settings(IReadOnlyDictionary<string, string> settings) =>
        string.Join("\n", settings.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}={e.Value}"));
}
