namespace CloudMgmt.Adapters.Kubernetes.Connection;

/// <summary>Lists in pages (<c>limit</c> and <c>continue</c>), so that a large cluster is never read in one answer.</summary>
internal static class Paging
{
    public static async Task<List<T>> AllAsync<T>(Func<string?, Task<(IList<T> Items, string? Continue)>> page)
    {
        var all = new List<T>();
        string? next = null;
        do
        {
            var (items, token) = await page(next);
            all.AddRange(items ?? []);
            next = string.IsNullOrEmpty(token) ? null : token;
        }
        while (next is not null);

        return all;
    }
}
