namespace CloudMgmt.Adapters.Kubernetes.Connection;

/// <summary>The client's models expose <see cref="IDictionary{TKey, TValue}"/>, which has no GetValueOrDefault of its own.</summary>
internal static class DictionaryLookup
{
    public static TValue? Lookup<TValue>(this IDictionary<string, TValue>? dictionary, string key) =>
        dictionary is not null && dictionary.TryGetValue(key, out var value) ? value : default;
}
